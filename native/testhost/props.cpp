#include "props.h"

namespace testhost {
namespace {

void (*g_logger)(const std::string &) = nullptr;

void complain(PropertySet *ps, const char *name, const char *what) {
  if (g_logger != nullptr) {
    g_logger(std::string("PROPERTY_ERROR set=") + ps->what + " name=" + (name ? name : "(null)") + " " + what);
  }
}

template <typename T> std::vector<T> &slot(Property &p);
template <> std::vector<std::string> &slot(Property &p) { return p.s; }
template <> std::vector<double> &slot(Property &p) { return p.d; }
template <> std::vector<int> &slot(Property &p) { return p.i; }
template <> std::vector<void *> &slot(Property &p) { return p.p; }

template <typename T, Property::Kind K> OfxStatus setOne(OfxPropertySetHandle h, const char *name, int index, T value) {
  auto *ps = fromHandle(h);
  if (ps == nullptr || name == nullptr) return kOfxStatErrBadHandle;
  if (index < 0) return kOfxStatErrBadIndex;
  std::lock_guard l(ps->mutex);
  auto it = ps->props.find(name);
  if (it == ps->props.end()) {
    it = ps->props.emplace(name, Property{}).first; // lenient: plugins may add their own properties
    it->second.kind = K;
  } else if (it->second.kind != K) {
    complain(ps, name, "type mismatch on set");
    return kOfxStatErrValue;
  }
  auto &v = slot<T>(it->second);
  if ((int)v.size() <= index) v.resize(index + 1);
  v[index] = value;
  return kOfxStatOK;
}

template <typename T, Property::Kind K> OfxStatus setN(OfxPropertySetHandle h, const char *name, int count, const T *values) {
  auto *ps = fromHandle(h);
  if (ps == nullptr || name == nullptr || (count > 0 && values == nullptr)) return kOfxStatErrBadHandle;
  std::lock_guard l(ps->mutex);
  auto it = ps->props.find(name);
  if (it != ps->props.end() && it->second.kind != K) {
    complain(ps, name, "type mismatch on setN");
    return kOfxStatErrValue;
  }
  Property p;
  p.kind = K;
  for (int i = 0; i < count; ++i) slot<T>(p).push_back(values[i]);
  ps->props[name] = p;
  return kOfxStatOK;
}

template <typename T, Property::Kind K> OfxStatus getOne(OfxPropertySetHandle h, const char *name, int index, T *out) {
  auto *ps = fromHandle(h);
  if (ps == nullptr || name == nullptr || out == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard l(ps->mutex);
  auto it = ps->props.find(name);
  if (it == ps->props.end()) return kOfxStatErrUnknown;
  if (it->second.kind != K) {
    complain(ps, name, "type mismatch on get");
    return kOfxStatErrValue;
  }
  auto &v = slot<T>(it->second);
  if (index < 0 || index >= (int)v.size()) return kOfxStatErrBadIndex;
  *out = v[index];
  return kOfxStatOK;
}

template <typename T, Property::Kind K> OfxStatus getN(OfxPropertySetHandle h, const char *name, int count, T *out) {
  for (int i = 0; i < count; ++i) {
    OfxStatus st = getOne<T, K>(h, name, i, out + i);
    if (st != kOfxStatOK) return st;
  }
  return kOfxStatOK;
}

OfxStatus setString(OfxPropertySetHandle h, const char *n, int i, const char *v) {
  return setOne<std::string, Property::String>(h, n, i, v ? std::string(v) : std::string());
}
OfxStatus setStringN(OfxPropertySetHandle h, const char *n, int c, const char *const *v) {
  std::vector<std::string> copy;
  for (int i = 0; i < c; ++i) copy.emplace_back(v[i] ? v[i] : "");
  return setN<std::string, Property::String>(h, n, c, copy.data());
}
OfxStatus getString(OfxPropertySetHandle h, const char *name, int index, char **out) {
  auto *ps = fromHandle(h);
  if (ps == nullptr || name == nullptr || out == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard l(ps->mutex);
  auto it = ps->props.find(name);
  if (it == ps->props.end()) return kOfxStatErrUnknown;
  if (it->second.kind != Property::String) {
    complain(ps, name, "type mismatch on getString");
    return kOfxStatErrValue;
  }
  if (index < 0 || index >= (int)it->second.s.size()) return kOfxStatErrBadIndex;
  *out = const_cast<char *>(it->second.s[index].c_str()); // valid until the property changes
  return kOfxStatOK;
}
OfxStatus getStringN(OfxPropertySetHandle h, const char *n, int c, char **out) {
  for (int i = 0; i < c; ++i) {
    OfxStatus st = getString(h, n, i, out + i);
    if (st != kOfxStatOK) return st;
  }
  return kOfxStatOK;
}
OfxStatus reset(OfxPropertySetHandle h, const char *name) {
  auto *ps = fromHandle(h);
  if (ps == nullptr || name == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard l(ps->mutex);
  return ps->props.count(name) ? kOfxStatOK : kOfxStatErrUnknown;
}
OfxStatus dimension(OfxPropertySetHandle h, const char *name, int *count) {
  auto *ps = fromHandle(h);
  if (ps == nullptr || name == nullptr || count == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard l(ps->mutex);
  auto it = ps->props.find(name);
  if (it == ps->props.end()) return kOfxStatErrUnknown;
  *count = it->second.dimension();
  return kOfxStatOK;
}

const OfxPropertySuiteV1 kSuite = {
    setOne<void *, Property::Pointer>,
    setString,
    setOne<double, Property::Double>,
    setOne<int, Property::Int>,
    setN<void *, Property::Pointer>,
    setStringN,
    setN<double, Property::Double>,
    setN<int, Property::Int>,
    getOne<void *, Property::Pointer>,
    getString,
    getOne<double, Property::Double>,
    getOne<int, Property::Int>,
    getN<void *, Property::Pointer>,
    getStringN,
    getN<double, Property::Double>,
    getN<int, Property::Int>,
    reset,
    dimension,
};

} // namespace

const OfxPropertySuiteV1 *propertySuite() { return &kSuite; }
void setPropertyErrorLogger(void (*logger)(const std::string &)) { g_logger = logger; }

} // namespace testhost
