// What the register's tests share.
#pragma once

#include <ctime>
#include <string>

namespace register_test {

// Today in Vietnam (UTC+07:00), as the register sees it.
inline std::string today_vn() {
    const std::time_t t = std::time(nullptr) + 7 * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

}  // namespace register_test
