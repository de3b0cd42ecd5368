#!/usr/bin/python3
"""Writes the so-ket-nq20 sample campaign: one report per provincial union federation
(Liên đoàn Lao động tỉnh/thành phố) of 2009, answering Công văn 1996/TLĐ.

Seeded, so the output is the same on every run: `/usr/bin/python3 generate.py` rewrites
the reports next to this script. On purpose, three units do not report (MISSING) and two
report after the 20/01/2010 deadline (LATE); one has no figure for one indicator (null).
The figures are invented but plausible for a province's size."""

import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CAMPAIGN = os.path.join(ROOT, "templates", "so-ket-nq20")

MISSING = {"Lai Châu", "Kon Tum", "Đắk Nông"}
LATE = {"Bắc Kạn": "2010-01-25", "Cà Mau": "2010-01-28"}
NO_FIGURE = {"Điện Biên": "sang_kien"}  # "không có số liệu"
BIG = {"Hà Nội": 6, "Hồ Chí Minh": 8, "Đồng Nai": 4, "Bình Dương": 4, "Hải Phòng": 3, "Đà Nẵng": 2}

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Quang", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Sơn", "Thủy", "Tuấn"]


def vn(n):
    """12345 → "12.345" (body text; tables format numbers themselves)."""
    return f"{n:,}".replace(",", ".")


def federation(unit):
    kind = "thành phố" if unit["kind"] == "thanh-pho" else "tỉnh"
    if unit["name"] == "Hồ Chí Minh":
        kind = "Thành phố"
    return kind, f"Liên đoàn Lao động {kind} {unit['name']}"


def sections(unit, f):
    """The seven sections of the letter (points 1–7), with the unit's own figures."""
    return [
        [f"Ban Thường vụ đã ban hành Chương trình hành động thực hiện Nghị quyết 20-NQ/TW, phối hợp với cấp ủy, chính quyền tổ chức {vn(f['hoi_nghi_quan_triet'])} hội nghị quán triệt với {vn(f['luot_nguoi_quan_triet'])} lượt cán bộ, đoàn viên, CNVCLĐ tham dự."],
        [f"Các cấp công đoàn đã tư vấn pháp luật cho {vn(f['vu_tu_van_phap_luat'])} vụ việc của công nhân lao động; hình thức tuyên truyền qua tổ tự quản ở khu nhà trọ và qua hệ thống truyền thanh của doanh nghiệp được đánh giá có hiệu quả nhất."],
        [f"Công đoàn tham gia xây dựng quy chế dân chủ ở cơ sở, tổ chức hội nghị người lao động; có {vn(f['tuldtt_ky_moi'])} bản thỏa ước lao động tập thể được ký mới, nhiều bản có lợi hơn cho người lao động so với quy định của pháp luật."],
        ["Phối hợp với ngành lao động mở các lớp đào tạo nghề, bổ túc văn hóa cho công nhân; phong trào phát huy sáng kiến, cải tiến kỹ thuật được duy trì."
         + (f" Có {vn(f['sang_kien'])} sáng kiến được công nhận, giá trị làm lợi ước tính {f['gia_tri_lam_loi'].replace('.', ',')} triệu đồng." if f["sang_kien"] is not None else " Đơn vị chưa tổng hợp được số sáng kiến.")],
        [f"Kết nạp mới {vn(f['doan_vien_moi'])} đoàn viên, thành lập mới {vn(f['cdcs_thanh_lap_moi'])} công đoàn cơ sở; giới thiệu {vn(f['gioi_thieu_dang'])} đoàn viên ưu tú cho Đảng xem xét kết nạp."],
        ["Phần lớn chỉ tiêu của Chương trình hành động đạt và vượt kế hoạch; chỉ tiêu phát triển đoàn viên ở khu vực ngoài nhà nước chưa đạt, cần điều chỉnh cho phù hợp với tình hình thực tế."],
        ["Hạn chế: việc thành lập công đoàn cơ sở ở doanh nghiệp ngoài nhà nước còn khó khăn; thiết chế văn hóa tại khu công nghiệp còn thiếu. Kiến nghị Tổng Liên đoàn sớm hướng dẫn cơ chế hỗ trợ xây dựng nhà ở, nhà trẻ cho công nhân."],
    ]


def figures(rng, unit):
    scale = BIG.get(unit["name"], 1) * rng.uniform(0.6, 1.6)
    f = {
        "hoi_nghi_quan_triet": int(rng.randint(20, 120) * scale),
        "luot_nguoi_quan_triet": int(rng.randint(2000, 15000) * scale),
        "vu_tu_van_phap_luat": int(rng.randint(50, 900) * scale),
        "tuldtt_ky_moi": int(rng.randint(10, 300) * scale),
        "doan_vien_moi": int(rng.randint(1500, 12000) * scale),
        "cdcs_thanh_lap_moi": int(rng.randint(10, 150) * scale),
        "gioi_thieu_dang": int(rng.randint(50, 600) * scale),
        "sang_kien": int(rng.randint(20, 800) * scale),
    }
    # Decimal text with one or two fraction digits, as a unit would type it.
    cents = int(rng.randint(10000, 900000) * scale)
    f["gia_tri_lam_loi"] = f"{cents // 100}.{cents % 100:02d}" if rng.random() < 0.7 else f"{cents // 100}.{cents % 10}"
    if unit["name"] in NO_FIGURE:
        f[NO_FIGURE[unit["name"]]] = None
    return f


def report(rng, form, unit):
    kind, name = federation(unit)
    f = figures(rng, unit)
    body = ["Thực hiện Công văn số 1996/TLĐ ngày 30/12/2009 của Tổng Liên đoàn Lao động Việt Nam về việc sơ kết 2 năm thực hiện Nghị quyết 20-NQ/TW, "
            f"Ban Thường vụ {name} báo cáo kết quả như sau:"]
    for i, (title, paragraphs) in enumerate(zip(form["sections"], sections(unit, f))):
        body.append({"heading": f"{ROMAN[i]}. {title.upper()}", "level": 1})
        body.extend(paragraphs)
    signer = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    return {
        "template": form["templates"]["unit"],
        "issuer": {"parent": "TỔNG LĐLĐ VIỆT NAM", "name": f"LIÊN ĐOÀN LAO ĐỘNG\n{kind.upper()} {unit['name'].upper()}"},
        "number": rng.randint(10, 250),
        "symbol": "BC-LĐLĐ",
        "place": unit["name"] if unit["name"] != "Hồ Chí Minh" else "TP. Hồ Chí Minh",
        "date": LATE.get(unit["name"], f"2010-01-{rng.randint(8, 20):02d}"),
        "subject": "Sơ kết 2 năm thực hiện Nghị quyết 20-NQ/TW",
        "recipients": ["Tổng Liên đoàn Lao động Việt Nam (qua Ban Tuyên giáo)"],
        "body": body,
        "signers": [{"authority": "TM. BAN THƯỜNG VỤ", "title": "CHỦ TỊCH", "name": signer}],
        "distribution": ["Như trên", "Thường trực Tỉnh ủy (để b/c)" if kind == "tỉnh" else "Thường trực Thành ủy (để b/c)", "Lưu: VT, TG"],
        "data": {"form": form["id"], "unit": {"code": unit["code"], "name": name}, "indicators": f},
    }


def main():
    with open(os.path.join(CAMPAIGN, "form.json"), encoding="utf-8") as fh:
        form = json.load(fh)
    with open(os.path.join(CAMPAIGN, form["units"]), encoding="utf-8") as fh:
        units = json.load(fh)["units"]
    rng = random.Random(20091230)  # the letter's date
    for old in os.listdir(HERE):
        if old.startswith("bc-") and old.endswith(".json"):
            os.remove(os.path.join(HERE, old))
    written = 0
    for unit in units:
        doc = report(rng, form, unit)  # drawn even when skipped, so the others stay put
        if unit["name"] in MISSING:
            continue
        path = os.path.join(HERE, f"bc-{unit['code']}.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        written += 1
    print(f"wrote {written} reports ({len(MISSING)} units missing, {len(LATE)} late)")


if __name__ == "__main__":
    main()
