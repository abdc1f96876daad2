// Property sets for the headless test host: typed, dimensioned, thread-safe.
#pragma once

#include "ofx_abi.h"

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace testhost {

struct Property {
  enum Kind { String, Double, Int, Pointer } kind = String;
  std::vector<std::string> s;
  std::vector<double> d;
  std::vector<int> i;
  std::vector<void *> p;

  int dimension() const {
    switch (kind) {
    case String: return static_cast<int>(s.size());
    case Double: return static_cast<int>(d.size());
    case Int: return static_cast<int>(i.size());
    default: return static_cast<int>(p.size());
    }
  }
};

struct PropertySet {
  std::string what; // for log lines
  mutable std::recursive_mutex mutex;
  std::map<std::string, Property> props;

  explicit PropertySet(std::string w = "props") : what(std::move(w)) {}
  PropertySet(const PropertySet &) = delete;
  virtual ~PropertySet() = default;

  void copyFrom(const PropertySet &other) {
    std::scoped_lock lock(mutex, other.mutex);
    props = other.props;
  }

  void setS(const std::string &n, std::vector<std::string> v) { std::lock_guard l(mutex); auto &p = props[n]; p = {}; p.kind = Property::String; p.s = std::move(v); }
  void setD(const std::string &n, std::vector<double> v) { std::lock_guard l(mutex); auto &p = props[n]; p = {}; p.kind = Property::Double; p.d = std::move(v); }
  void setI(const std::string &n, std::vector<int> v) { std::lock_guard l(mutex); auto &p = props[n]; p = {}; p.kind = Property::Int; p.i = std::move(v); }
  void setP(const std::string &n, std::vector<void *> v) { std::lock_guard l(mutex); auto &p = props[n]; p = {}; p.kind = Property::Pointer; p.p = std::move(v); }

  bool has(const std::string &n) const { std::lock_guard l(mutex); return props.count(n) != 0; }
  std::string getS(const std::string &n, int idx = 0, const std::string &def = "") const {
    std::lock_guard l(mutex);
    auto it = props.find(n);
    return it != props.end() && it->second.kind == Property::String && idx < (int)it->second.s.size() ? it->second.s[idx] : def;
  }
  std::vector<std::string> getAllS(const std::string &n) const {
    std::lock_guard l(mutex);
    auto it = props.find(n);
    return it != props.end() && it->second.kind == Property::String ? it->second.s : std::vector<std::string>{};
  }
  double getD(const std::string &n, int idx = 0, double def = 0) const {
    std::lock_guard l(mutex);
    auto it = props.find(n);
    return it != props.end() && it->second.kind == Property::Double && idx < (int)it->second.d.size() ? it->second.d[idx] : def;
  }
  std::vector<double> getAllD(const std::string &n) const {
    std::lock_guard l(mutex);
    auto it = props.find(n);
    return it != props.end() && it->second.kind == Property::Double ? it->second.d : std::vector<double>{};
  }
  int getI(const std::string &n, int idx = 0, int def = 0) const {
    std::lock_guard l(mutex);
    auto it = props.find(n);
    return it != props.end() && it->second.kind == Property::Int && idx < (int)it->second.i.size() ? it->second.i[idx] : def;
  }
  void *getP(const std::string &n, int idx = 0) const {
    std::lock_guard l(mutex);
    auto it = props.find(n);
    return it != props.end() && it->second.kind == Property::Pointer && idx < (int)it->second.p.size() ? it->second.p[idx] : nullptr;
  }
};

inline OfxPropertySetHandle handleOf(PropertySet *ps) { return reinterpret_cast<OfxPropertySetHandle>(ps); }
inline PropertySet *fromHandle(OfxPropertySetHandle h) { return reinterpret_cast<PropertySet *>(h); }

// The suite table; property type mismatches are reported through the log callback.
const OfxPropertySuiteV1 *propertySuite();
void setPropertyErrorLogger(void (*logger)(const std::string &));

} // namespace testhost
