// The "Cấp số" routes (register_routes.h): the store's register behind the server's policies.
#include "server/register_routes.h"

#include "server/messages_vi.h"
#include "store/data_dir.h"
#include "store/register.h"
#include "text/text.h"

#include <nlohmann/json.hpp>

#include <chrono>

namespace vanban::server {

struct RegisterDesk {
    explicit RegisterDesk(const std::filesystem::path& dir) : data(store::open_data_dir(dir)), reg(data.db) {}
    store::DataDir data;
    store::Register reg;
};

namespace {

using nlohmann::json;

// A JSON error in the shape of the other routes; the English `message` is the
// engine's, `vi` what the clerk reads. Store errors name the database file, which is
// the server's business: only the message goes out.
Reply refuse(int status, const std::string& message, const std::string& vi, const std::string& pointer = "") {
    Reply r;
    r.status = status;
    r.body = json{{"error", message}, {"message_vi", vi}, {"pointer", pointer}, {"line", 0}, {"column", 0}}.dump() + "\n";
    return r;
}

std::string vn_date(const std::string& iso) {
    return iso.size() == 10 ? iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) : iso;
}

// One text field of the request: absent is "", anything but a string is refused, and
// the text is cleaned as document input is (NFC, no control characters).
std::optional<Reply> text_field(const json& body, const char* key, std::size_t max, std::string& out) {
    const std::string pointer = std::string("/") + key;
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) return refuse(422, std::string(key) + " must be a string", "Phải là chữ.", pointer);
    std::optional<text::TextProblem> problem;
    out = text::clean_text(it->get<std::string>(), {}, problem);
    if (problem) return refuse(422, problem->message, "Có ký tự không dùng được trong văn bản.", pointer);
    if (out.size() > max)
        return refuse(422, std::string(key) + " is longer than " + std::to_string(max) + " bytes",
                      "Quá dài (tối đa " + std::to_string(max) + " byte).", pointer);
    return std::nullopt;
}

Reply books(const RegisterDesk& d) {
    if (!d.reg.initialised())
        return Reply{200, "application/json; charset=utf-8",
                     json{{"available", false},
                          {"message_vi", "Chưa lập sổ đăng ký văn bản đi (vanban register init --data DIR --org TÊN)."}}
                             .dump() + "\n",
                     {}};
    json list = json::array();
    for (const auto& b : d.reg.books()) list.push_back({{"name", b.name}, {"title", b.title}});
    const json out{{"available", true},
                   {"organisation", d.reg.organisation().name},
                   {"year", store::VietnamTime::at(std::chrono::system_clock::now()).year},
                   {"books", list}};
    return Reply{200, "application/json; charset=utf-8", out.dump() + "\n", {}};
}

Reply next(const RegisterDesk& d, const Call& c) {
    const json body = json::parse(c.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return refuse(400, "the body must be a JSON object", "Yêu cầu không phải là một đối tượng JSON.");
    store::RegisterEntry draft;
    std::string book = "chung";
    // Lengths of NĐ 30 Phụ lục VI (CodeNotation 30, Subject 500, TypeName 100 …).
    const std::tuple<const char*, std::size_t, std::string*> fields[] = {
        {"symbol", 30, &draft.symbol},         {"book", 64, &book},         {"date", 10, &draft.date},
        {"type", 100, &draft.type_name},       {"subject", 500, &draft.subject}, {"signer", 100, &draft.signer},
        {"recipients", 1000, &draft.recipients}, {"kept_by", 200, &draft.kept_by}};
    for (const auto& [key, max, out] : fields)
        if (auto refused = text_field(body, key, max, *out)) return *refused;
    if (draft.symbol.empty())
        return refuse(422, "symbol is required to give a number",
                      "Nhập ký hiệu (ví dụ LĐLĐ-TG) trước khi cấp số.", "/symbol");
    draft.book = book.empty() ? "chung" : book;
    try {
        draft.issuer = d.reg.organisation().name;
        const store::RegisterEntry e = d.reg.issue(draft, std::chrono::system_clock::now());
        std::string title = e.book;
        for (const auto& b : d.reg.books())
            if (b.name == e.book) title = b.title;
        const std::string number = e.number_symbol().substr(0, e.number_symbol().find('/'));
        const json out{{"number", e.number},
                       {"number_text", number},
                       {"number_symbol", e.number_symbol()},
                       {"date", e.date},
                       {"year", e.year},
                       {"book", e.book},
                       {"allocated_at", e.allocated_at},
                       {"message_vi", "Đã cấp số " + e.number_symbol() + " ngày " + vn_date(e.date) + " (sổ " + title +
                                          " năm " + std::to_string(e.year) + ")."}};
        return Reply{200, "application/json; charset=utf-8", out.dump() + "\n", {}};
    } catch (const Error& err) {
        // Register::issue refuses a field (symbol, date) or names the register's state
        // ("the register has no book …", "… is not set up"); anything else is the store's.
        const Diagnostic& g = err.diagnostic();
        if (!g.pointer.empty() || g.message.rfind("the register ", 0) == 0)
            return refuse(422, g.message, message_vi(g.message), g.pointer);
        // The transaction rolled back: no number was given.
        return refuse(500, "the register could not record the number",
                      "Không ghi được vào sổ đăng ký; chưa cấp số nào. Hãy thử lại hoặc báo người quản trị.");
    }
}

}  // namespace

std::shared_ptr<RegisterDesk> open_register_desk(const std::filesystem::path& data_dir) {
    return std::make_shared<RegisterDesk>(data_dir);
}

void add_register_routes(Routes& r, const RegisterDesk& desk) {
    // Both read or write the store (costly); a token when the server has --auth-file.
    constexpr RoutePolicy kStore{true, true, true};
    r.get("/api/register", [&desk](const Call&) { return books(desk); }, kStore);
    r.post("/api/register/next", [&desk](const Call& c) { return next(desk, c); }, kStore);
}

}  // namespace vanban::server
