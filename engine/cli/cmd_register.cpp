// vanban register …: the sổ đăng ký văn bản đi in the --data store (NĐ 30 Điều 15–16).
#include "check/archive.h"
#include "cli/commands.h"
#include "cli/register_render.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "render/book.h"
#include "render/engine.h"
#include "report/register_book.h"
#include "store/data_dir.h"
#include "store/register.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iostream>
#include <map>
#include <optional>

namespace vanban::cli {

namespace {

using store::RegisterEntry;

struct RegisterOptions {
    std::string action;
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> values;
    bool json = false;

    std::optional<std::string> get(const std::string& k) const {
        auto it = values.find(k);
        if (it == values.end() || it->second.empty()) return std::nullopt;
        return it->second.back();
    }
    std::string get_or(const std::string& k, std::string fallback) const { return get(k).value_or(std::move(fallback)); }
};

RegisterOptions parse_register(const Args& args) {
    static const char* kValued[] = {"--data",   "--org",    "--parent", "--org-code", "--book",   "--symbol",
                                    "--type",   "--subject", "--signer", "--recipients", "--kept-by", "--copies",
                                    "--date",   "--year",   "--note",   "--limit",    "--volume", "-o",
                                    "--fonts",  "--max-pages"};
    if (args.empty()) usage_error("register needs an action: init, books, next, list, search, void, print");
    RegisterOptions o;
    o.action = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            o.json = true;
            continue;
        }
        bool valued = false;
        for (const char* k : kValued) valued = valued || a == k;
        if (valued) {
            if (i + 1 >= args.size()) usage_error(a + " needs a value");
            o.values[a].push_back(args[++i]);
        } else if (!a.empty() && a[0] == '-') {
            usage_error("register: unknown option '" + a + "'");
        } else {
            o.positional.push_back(a);
        }
    }
    return o;
}

int to_int(const std::string& flag, const std::string& s) {
    try {
        std::size_t used = 0;
        const int v = std::stoi(s, &used);
        if (used == s.size() && v >= 0) return v;
    } catch (const std::exception&) {
    }
    usage_error(flag + " expects a whole number, got '" + s + "'");
}

std::string vn_date(const std::string& iso) {
    if (iso.size() != 10) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

nlohmann::json entry_json(const RegisterEntry& e) {
    return {{"book", e.book},         {"year", e.year},         {"number", e.number},
            {"symbol", e.symbol},     {"number_symbol", e.number_symbol()},
            {"date", e.date},         {"allocated_at", e.allocated_at}, {"type", e.type_name},
            {"subject", e.subject},   {"issuer", e.issuer},     {"signer", e.signer},
            {"recipients", e.recipients}, {"kept_by", e.kept_by}, {"copies", e.copies},
            {"note", e.note},         {"void", e.is_void},      {"void_note", e.void_note},
            {"pdf_sha256", e.pdf_sha256}};
}

void print_entries(const std::vector<RegisterEntry>& entries, bool json) {
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : entries) out.push_back(entry_json(e));
        std::cout << out.dump(2) << "\n";
        return;
    }
    for (const auto& e : entries) {
        std::cout << e.number_symbol() << "\t" << vn_date(e.date) << "\t" << e.book << "\t"
                  << (e.type_name.empty() ? "" : e.type_name + ": ") << e.subject;
        if (e.is_void) std::cout << "\t[HỦY: " << e.void_note << "]";
        std::cout << "\n";
    }
}

int print_book(const store::Register& reg, const RegisterOptions& o) {
    const auto out = o.get("-o");
    if (!out) usage_error("register print needs -o FILE.pdf or FILE.xlsx");
    const int year = to_int("--year", o.get_or("--year", ""));
    const std::string book = o.get_or("--book", "chung");
    const store::Organisation org = reg.organisation();
    report::RegisterBookPrint p;
    p.parent = org.parent;
    p.organisation = org.name;
    p.year = year;
    p.volume = o.get_or("--volume", "01");
    for (const auto& b : reg.books())
        if (b.name == book) p.book_title = b.title;
    const auto entries = reg.list(year, book);
    for (const auto& e : entries) {
        report::RegisterBookRow r;
        r.number_symbol = e.number_symbol();
        r.date = vn_date(e.date);
        r.type_and_subject = e.type_name.empty() ? e.subject : e.type_name + ": " + e.subject;
        r.signer = e.signer;
        r.recipients = e.recipients;
        r.kept_by = e.kept_by;
        r.copies = e.copies > 0 ? std::to_string(e.copies) : "";
        r.note = e.is_void ? "Hủy: " + e.void_note : e.note;
        p.rows.push_back(std::move(r));
    }
    if (!entries.empty()) {
        p.from_number = entries.front().number_symbol().substr(0, entries.front().number_symbol().find('/'));
        p.to_number = entries.back().number_symbol().substr(0, entries.back().number_symbol().find('/'));
        std::string lo = entries.front().date, hi = entries.front().date;
        for (const auto& e : entries) {
            lo = std::min(lo, e.date);
            hi = std::max(hi, e.date);
        }
        p.from_date = vn_date(lo);
        p.to_date = vn_date(hi);
    }
    std::string ext = std::filesystem::path(*out).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".xlsx") {
        write_file_atomically(*out, report::register_book_xlsx(p));
    } else if (ext == ".pdf") {
        // PDF/A-1b through layout and the PDF writer, like every document (render/book.h).
        std::vector<std::filesystem::path> fonts;
        if (o.values.count("--fonts"))
            for (const auto& f : o.values.at("--fonts")) fonts.emplace_back(f);
        // 5,000 pages hold about 50,000 entries; a larger book asks for more explicitly.
        Limits limits;
        if (auto m = o.get("--max-pages")) limits.max_pages = static_cast<std::size_t>(std::max(1, to_int("--max-pages", *m)));
        const Engine engine(EngineOptions{{}, fonts, 0, limits});
        std::string pdf;
        try {
            pdf = render_book_pdf(engine, report::register_book_model(p));
        } catch (const Error& e) {
            Diagnostic d = e.diagnostic();
            if (d.file.empty()) d.file = *out;
            throw Error(d);
        }
        write_file_atomically(*out, pdf);
    } else {
        usage_error("register print writes .pdf (PDF/A) or .xlsx (got '" + *out + "')");
    }
    std::cerr << "vanban: " << *out << ": " << entries.size() << " entries of " << year << "\n";
    return 0;
}

// Rebuilds register entries from archived PDF/A files (their vbarc: XMP record).
int import_dir(const store::Register& reg, const store::DataDir& data, const RegisterOptions& o) {
    if (o.positional.size() != 1) usage_error("register import takes one directory of PDF files");
    const std::filesystem::path dir = o.positional[0];
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".pdf" || it->path().extension() == ".PDF") files.push_back(it->path());
    if (ec) fail_at_pointer(dir.string(), "", "cannot list the directory: " + ec.message());
    std::sort(files.begin(), files.end());
    int imported = 0, failed = 0;
    for (const auto& f : files) {
        try {
            const auto rec = check::read_archive_fields(f);
            auto field = [&](const char* k) {
                const auto it = rec.find(k);
                return it == rec.end() ? std::string() : it->second;
            };
            if (rec.empty()) fail_at_pointer(f.string(), "", "no archive metadata (vbarc:) — not a vanban PDF/A");
            RegisterEntry e;
            e.book = o.get_or("--book", "chung");
            e.symbol = field("CodeNotation");
            const std::string number = field("CodeNumber"), date = field("IssuedDate");
            if (number.empty() || date.size() != 10)
                fail_at_pointer(f.string(), "", "the archive record has no number or no date (an unnumbered draft?)");
            e.number = to_int("CodeNumber", number);
            e.year = to_int("IssuedDate", date.substr(0, 4));
            e.date = date;
            e.allocated_at = date + "T00:00:00+07:00";
            e.type_name = field("TypeName");
            e.subject = field("Subject");
            e.issuer = field("OrganName");
            e.signer = field("SignerInfoFullName");
            e.recipients = field("To");
            if (!field("IssuedAmount").empty()) e.copies = to_int("IssuedAmount", field("IssuedAmount"));
            e.note = "nhập từ " + f.filename().string();
            e.pdf_sha256 = data.files.put(read_file(f, 512u * 1024 * 1024));
            reg.import(e);
            ++imported;
        } catch (const Error& err) {
            std::cerr << "error: " << err.diagnostic().to_string() << "\n";
            ++failed;
        }
    }
    std::cerr << imported << " imported, " << failed << " failed\n";
    return failed ? 1 : 0;
}

int run_register(const Args& args) {
    if (!args.empty() && args[0] == "render") return run_register_render(Args(args.begin() + 1, args.end()));
    const RegisterOptions o = parse_register(args);
    try {
        store::DataDir data = store::open_data_dir(o.get_or("--data", store::default_data_dir().string()));
        store::Register reg(data.db);
        if (o.action == "init") {
            const auto name = o.get("--org");
            if (!name) usage_error("register init needs --org NAME");
            reg.init({*name, o.get_or("--parent", ""), o.get_or("--org-code", "")});
            if (o.values.count("--book"))
                for (const auto& spec : o.values.at("--book")) {
                    const auto colon = spec.find(':');
                    reg.add_book({spec.substr(0, colon), colon == std::string::npos ? "" : spec.substr(colon + 1)});
                }
            std::cout << "register of " << *name << " ready in " << data.root.string() << "\n";
            return 0;
        }
        if (o.action == "books") {
            for (const auto& b : reg.books()) std::cout << b.name << "\t" << b.title << "\n";
            return 0;
        }
        if (o.action == "next") {
            RegisterEntry draft;
            draft.symbol = o.get_or("--symbol", "");
            if (draft.symbol.empty()) usage_error("register next needs --symbol (the ký hiệu, e.g. TLĐ or LĐLĐ-TG)");
            draft.book = o.get_or("--book", "chung");
            draft.type_name = o.get_or("--type", "");
            draft.subject = o.get_or("--subject", "");
            draft.signer = o.get_or("--signer", "");
            draft.recipients = o.get_or("--recipients", "");
            draft.kept_by = o.get_or("--kept-by", "");
            draft.date = o.get_or("--date", "");
            if (auto c = o.get("--copies")) draft.copies = to_int("--copies", *c);
            draft.issuer = reg.organisation().name;
            const RegisterEntry e = reg.issue(draft, std::chrono::system_clock::now());
            if (o.json) std::cout << entry_json(e).dump(2) << "\n";
            else std::cout << e.number_symbol() << "\n";
            return 0;
        }
        if (o.action == "list") {
            std::optional<int> year;
            if (auto y = o.get("--year")) year = to_int("--year", *y);
            print_entries(reg.list(year, o.get("--book")), o.json);
            return 0;
        }
        if (o.action == "search") {
            if (o.positional.empty()) usage_error("register search needs the words to look for");
            std::string text;
            for (const auto& w : o.positional) text += (text.empty() ? "" : " ") + w;
            const std::size_t limit = static_cast<std::size_t>(to_int("--limit", o.get_or("--limit", "50")));
            print_entries(reg.search(text, limit), o.json);
            return 0;
        }
        if (o.action == "void") {
            if (o.positional.size() != 1) usage_error("register void takes one number");
            const auto note = o.get("--note");
            if (!note || note->empty()) usage_error("register void needs --note saying why the document was cancelled");
            const int year = o.get("--year") ? to_int("--year", *o.get("--year"))
                                             : store::VietnamTime::at(std::chrono::system_clock::now()).year;
            reg.void_number(o.get_or("--book", "chung"), year, to_int("number", o.positional[0]), *note);
            return 0;
        }
        if (o.action == "print") return print_book(reg, o);
        if (o.action == "import") return import_dir(reg, data, o);
        usage_error("register: unknown action '" + o.action + "' (init, books, next, list, search, void, print)");
    } catch (const Error& e) {
        std::cerr << "error: " << e.diagnostic().to_string() << "\n";
        return 1;
    }
}

const CommandRegistration kRegister(
    {"register",
     "register init|books|next|list|search|void|print …   the register of outgoing documents (sổ đăng ký văn bản đi)",
     "  --data DIR            the store (default ./vanban-data)\n"
     "  init --org NAME [--parent NAME] [--org-code 000.00.00.I02] [--book NAME:TITLE]…\n"
     "  books                 the numbering sequences (chung, mat, sao, and your own)\n"
     "  next --symbol KÝ-HIỆU [--book B] [--type T] [--subject S] [--signer N] [--recipients R] [--date YYYY-MM-DD]\n"
     "                        gives the next number of the book for this year (prints 05/KÝ-HIỆU)\n"
     "  list [--year Y] [--book B] [--json]\n"
     "  search WORDS… [--json] [--limit N]   with or without diacritics\n"
     "  void N [--year Y] [--book B] --note WHY   marks a number cancelled (it is never given again)\n"
     "  print --year Y [--book B] [--volume N] [--fonts DIR] [--max-pages N] -o FILE.pdf|FILE.xlsx\n"
     "                        the book of Phụ lục IV (PDF/A-1b; at most 5000 pages unless --max-pages)\n"
     "  render IN.json… -o OUT [--book B] [--pdfa] [--format pdf,docx]   = vanban render --register\n"
     "  import DIR [--book B]   rebuilds entries from archived vanban PDF/A files (their XMP record)\n",
     run_register});

}  // namespace

}  // namespace vanban::cli
