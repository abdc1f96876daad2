// Suites the test host serves: image effect, parameter, memory, message, progress, multithread,
// timeline (the property suite is in props.cpp).
#include "host.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <thread>

namespace testhost {

thread_local ThreadAction t_action;
HostConfig g_config;
std::atomic<int> g_liveImages{0};
std::function<OfxStatus(const char *, const void *, PropertySet *, PropertySet *)> g_callPlugin;

namespace {

std::mutex g_imagesMutex;
std::map<PropertySet *, Image *> g_images; // live images, to validate clipReleaseImage
std::atomic<int> g_progressUpdates{0};
std::atomic<bool> g_cancelled{false};
std::atomic<long> g_imageSerial{0};

Effect *effectOf(OfxImageEffectHandle h) { return reinterpret_cast<Effect *>(h); }
Clip *clipOf(OfxImageClipHandle h) { return reinterpret_cast<Clip *>(h); }
Param *paramOf(OfxParamHandle h) { return reinterpret_cast<Param *>(h); }
ParamSet *paramSetOf(OfxParamSetHandle h) { return reinterpret_cast<ParamSet *>(h); }

// ------------------------------------------------------------------ image effect suite

OfxStatus getPropertySet(OfxImageEffectHandle h, OfxPropertySetHandle *out) {
  if (!h || !out) return kOfxStatErrBadHandle;
  *out = handleOf(&effectOf(h)->props);
  return kOfxStatOK;
}
OfxStatus getParamSet(OfxImageEffectHandle h, OfxParamSetHandle *out) {
  if (!h || !out) return kOfxStatErrBadHandle;
  *out = reinterpret_cast<OfxParamSetHandle>(&effectOf(h)->params);
  return kOfxStatOK;
}
OfxStatus clipDefine(OfxImageEffectHandle h, const char *name, OfxPropertySetHandle *out) {
  if (!h || !name) return kOfxStatErrBadHandle;
  Effect *e = effectOf(h);
  if (!e->isDescriptor) return kOfxStatErrBadHandle;
  if (e->clip(name) != nullptr) return kOfxStatErrExists;
  auto c = std::make_unique<Clip>();
  c->name = name;
  c->owner = e;
  c->props.what = std::string("clip:") + name;
  c->props.setS(kOfxPropType, {kOfxTypeClip});
  c->props.setS(kOfxPropName, {name});
  c->props.setS(kOfxPropLabel, {name});
  c->props.setS(kOfxImageEffectPropSupportedComponents, {});
  c->props.setI(kOfxImageEffectPropTemporalClipAccess, {0});
  c->props.setI(kOfxImageClipPropOptional, {0});
  c->props.setI(kOfxImageClipPropIsMask, {0});
  c->props.setI(kOfxImageEffectPropSupportsTiles, {1});
  if (out) *out = handleOf(&c->props);
  logLine(std::string("CLIP_DEFINE context=") + e->context + " name=" + name);
  e->clips.push_back(std::move(c));
  return kOfxStatOK;
}
OfxStatus clipGetHandle(OfxImageEffectHandle h, const char *name, OfxImageClipHandle *clip, OfxPropertySetHandle *props) {
  if (!h || !name || !clip) return kOfxStatErrBadHandle;
  Clip *c = effectOf(h)->clip(name);
  if (!c) return kOfxStatErrUnknown;
  *clip = reinterpret_cast<OfxImageClipHandle>(c);
  if (props) *props = handleOf(&c->props);
  return kOfxStatOK;
}
OfxStatus clipGetPropertySet(OfxImageClipHandle h, OfxPropertySetHandle *out) {
  if (!h || !out) return kOfxStatErrBadHandle;
  *out = handleOf(&clipOf(h)->props);
  return kOfxStatOK;
}

void pixelBounds(int w, int h, const double scale[2], int out[4]) {
  out[0] = 0;
  out[1] = 0;
  out[2] = static_cast<int>(std::ceil(w * scale[0]));
  out[3] = static_cast<int>(std::ceil(h * scale[1]));
}

} // namespace

// Allocates an image's pixels (zeroed, rows padded and, if asked, stored bottom row last with
// negative row bytes) and sets the properties every host image carries.
void allocateImage(Image &img, const int bounds[4], const double scale[2], const std::string &what,
                   const std::string &uid) {
  size_t bpp = bytesPerPixel(g_config.depth);
  int w = bounds[2] - bounds[0], h = bounds[3] - bounds[1];
  long stride = static_cast<long>(w * bpp) + g_config.rowPad;
  img.buffer.assign(static_cast<size_t>(stride) * std::max(h, 0) + 1, 0);
  unsigned char *data = img.buffer.data();
  long rowBytes = stride;
  if (g_config.negativeRowBytes && h > 0) { // rows stored top row first: (x1,y1) is the last row in memory
    data += stride * (h - 1);
    rowBytes = -stride;
  }
  img.what = what;
  img.setS(kOfxPropType, {kOfxTypeImage});
  img.setP(kOfxImagePropData, {data});
  img.setI(kOfxImagePropBounds, {bounds[0], bounds[1], bounds[2], bounds[3]});
  img.setI(kOfxImagePropRegionOfDefinition, {bounds[0], bounds[1], bounds[2], bounds[3]});
  img.setI(kOfxImagePropRowBytes, {static_cast<int>(rowBytes)});
  img.setS(kOfxImageEffectPropPixelDepth, {depthName(g_config.depth)});
  img.setS(kOfxImageEffectPropComponents, {kOfxImageComponentRGBA});
  img.setS(kOfxImageEffectPropPreMultiplication, {kOfxImagePreMultiplied});
  img.setD(kOfxImageEffectPropRenderScale, {scale[0], scale[1]});
  img.setD(kOfxImagePropPixelAspectRatio, {1.0});
  img.setS(kOfxImagePropField, {kOfxImageFieldNone});
  img.setS(kOfxImagePropUniqueIdentifier, {uid});
}

// Declared in host.h: the one interpolation rule (suite getters, derivatives, integrals and the log).
std::vector<double> valueAt(const Param &p, double t) {
  if (p.keys.empty()) return p.value;
  auto after = p.keys.lower_bound(t);
  if (after == p.keys.begin()) return after->second;
  if (after == p.keys.end()) return std::prev(after)->second;
  if (after->first == t) return after->second;
  auto before = std::prev(after);
  if (p.isInt) return before->second;
  double a = (t - before->first) / (after->first - before->first);
  std::vector<double> v(p.dims);
  for (int i = 0; i < p.dims; ++i) v[i] = before->second[i] * (1 - a) + after->second[i] * a;
  return v;
}
std::string stringAt(const Param &p, double t) {
  if (p.strKeys.empty()) return p.str;
  auto it = p.strKeys.upper_bound(t);
  return it == p.strKeys.begin() ? it->second : std::prev(it)->second;
}

namespace {

void fillImageProps(Image &img, const int bounds[4], const double scale[2], const std::string &clip, double time) {
  allocateImage(img, bounds, scale, "image:" + clip + "@" + fmtD(time),
                clip + "@" + fmtD(time) + "#" + std::to_string(++g_imageSerial));
}

unsigned char *pixelAddress(Image &img, int x, int y) {
  auto *data = static_cast<unsigned char *>(img.getP(kOfxImagePropData));
  int x1 = img.getI(kOfxImagePropBounds, 0), y1 = img.getI(kOfxImagePropBounds, 1);
  long rowBytes = img.getI(kOfxImagePropRowBytes);
  return data + (y - y1) * rowBytes + (x - x1) * static_cast<long>(bytesPerPixel(g_config.depth));
}

void storePixel(unsigned char *p, const float *rgba) {
  for (int c = 0; c < 4; ++c) {
    float v = rgba[c];
    switch (g_config.depth) {
    case Depth::Byte: p[c] = static_cast<unsigned char>(std::lround(std::fmin(1.f, std::fmax(0.f, v)) * 255)); break;
    case Depth::Short: reinterpret_cast<unsigned short *>(p)[c] = static_cast<unsigned short>(std::lround(std::fmin(1.f, std::fmax(0.f, v)) * 65535)); break;
    case Depth::Float: reinterpret_cast<float *>(p)[c] = v; break;
    }
  }
}

OfxStatus clipGetImage(OfxImageClipHandle h, OfxTime time, const OfxRectD *, OfxPropertySetHandle *out) {
  if (!h || !out) return kOfxStatErrBadHandle;
  Clip *c = clipOf(h);
  logLine("GETIMAGE clip=" + c->name + " time=" + fmtD(time) + " action=" + t_action.action);
  if (c->isOutput) {
    if (t_action.output == nullptr) return kOfxStatFailed;
    *out = handleOf(t_action.output); // owned by the render call; release is a no-op for it
    return kOfxStatOK;
  }
  const FrameSource *src = c->source;
  if (src == nullptr) return kOfxStatFailed;
  int frame = static_cast<int>(std::lround(time));
  if (frame < 0 || frame >= src->count) {
    logLine("GETIMAGE_OUT_OF_RANGE clip=" + c->name + " time=" + fmtD(time));
    return kOfxStatFailed;
  }
  std::vector<float> rgba;
  if (!src->frame(frame, rgba)) {
    logLine("GETIMAGE_READ_FAILED clip=" + c->name + " frame=" + std::to_string(frame));
    return kOfxStatFailed;
  }
  for (auto &[clip, at] : g_config.emptyImages) {
    if (clip == c->name && at == time) { // what some hosts hand out for a region they have nothing in
      auto *img = new Image();
      int none[4] = {0, 0, 0, 0};
      fillImageProps(*img, none, t_action.renderScale, c->name, time);
      img->setP(kOfxImagePropData, {nullptr});
      img->setI(kOfxImagePropRowBytes, {0});
      logLine("GETIMAGE_EMPTY clip=" + c->name + " time=" + fmtD(time));
      {
        std::lock_guard l(g_imagesMutex);
        g_images[img] = img;
      }
      ++g_liveImages;
      *out = handleOf(img);
      return kOfxStatOK;
    }
  }
  auto *img = new Image();
  int bounds[4];
  pixelBounds(src->width, src->height, t_action.renderScale, bounds);
  if (t_action.cropToRoi) {
    // only the region of interest, in pixels at render scale (outward), within the clip: like the
    // HostSupport library, an empty region is a failed fetch
    auto it = t_action.roi.find(c->name);
    if (it != t_action.roi.end()) {
      const OfxRectD &r = it->second;
      bounds[0] = std::max(bounds[0], int(std::floor(r.x1 * t_action.renderScale[0])));
      bounds[1] = std::max(bounds[1], int(std::floor(r.y1 * t_action.renderScale[1])));
      bounds[2] = std::min(bounds[2], int(std::ceil(r.x2 * t_action.renderScale[0])));
      bounds[3] = std::min(bounds[3], int(std::ceil(r.y2 * t_action.renderScale[1])));
    }
    logLine("GETIMAGE_BOUNDS clip=" + c->name + " time=" + fmtD(time) + " rect=" + std::to_string(bounds[0]) + "," +
            std::to_string(bounds[1]) + "," + std::to_string(bounds[2]) + "," + std::to_string(bounds[3]));
    if (bounds[2] <= bounds[0] || bounds[3] <= bounds[1]) {
      delete img;
      logLine("GETIMAGE_OUTSIDE_ROI clip=" + c->name + " time=" + fmtD(time));
      return kOfxStatFailed;
    }
  }
  fillImageProps(*img, bounds, t_action.renderScale, c->name, time);
  for (int y = bounds[1]; y < bounds[3]; ++y) {
    // nearest canonical sample; OFX rows count from the bottom, the frame from the top
    int sy = std::min(src->height - 1, static_cast<int>((y + 0.5) / t_action.renderScale[1]));
    int row = src->height - 1 - sy;
    for (int x = bounds[0]; x < bounds[2]; ++x) {
      int sx = std::min(src->width - 1, static_cast<int>((x + 0.5) / t_action.renderScale[0]));
      storePixel(pixelAddress(*img, x, y), &rgba[(static_cast<size_t>(row) * src->width + sx) * 4]);
    }
  }
  {
    std::lock_guard l(g_imagesMutex);
    g_images[img] = img;
  }
  ++g_liveImages;
  *out = handleOf(img);
  return kOfxStatOK;
}

OfxStatus clipReleaseImage(OfxPropertySetHandle h) {
  auto *ps = fromHandle(h);
  if (t_action.output != nullptr && ps == t_action.output) return kOfxStatOK;
  Image *img = nullptr;
  {
    std::lock_guard l(g_imagesMutex);
    auto it = g_images.find(ps);
    if (it == g_images.end()) {
      logLine("RELEASE_UNKNOWN_IMAGE");
      return kOfxStatErrBadHandle;
    }
    img = it->second;
    g_images.erase(it);
  }
  --g_liveImages;
  delete img;
  return kOfxStatOK;
}

OfxStatus clipGetRegionOfDefinition(OfxImageClipHandle h, OfxTime, OfxRectD *out) {
  if (!h || !out) return kOfxStatErrBadHandle;
  Clip *c = clipOf(h);
  const FrameSource *src = c->source;
  if (c->isOutput) { // the project: background if connected, else foreground
    Clip *bg = c->owner->clip("Background");
    Clip *fg = c->owner->clip("Source");
    src = bg && bg->source ? bg->source : (fg ? fg->source : nullptr);
  }
  *out = src ? OfxRectD{0, 0, double(src->width), double(src->height)} : OfxRectD{0, 0, 0, 0};
  return kOfxStatOK;
}

int abortFn(OfxImageEffectHandle) { return g_cancelled ? 1 : 0; }

struct ImageMemory {
  std::vector<unsigned char> bytes;
  int locks = 0;
};
OfxStatus imageMemoryAlloc(OfxImageEffectHandle, size_t n, OfxImageMemoryHandle *out) {
  if (!out) return kOfxStatErrBadHandle;
  auto *m = new ImageMemory();
  m->bytes.resize(n);
  *out = reinterpret_cast<OfxImageMemoryHandle>(m);
  return kOfxStatOK;
}
OfxStatus imageMemoryFree(OfxImageMemoryHandle h) {
  delete reinterpret_cast<ImageMemory *>(h);
  return kOfxStatOK;
}
OfxStatus imageMemoryLock(OfxImageMemoryHandle h, void **out) {
  if (!h || !out) return kOfxStatErrBadHandle;
  auto *m = reinterpret_cast<ImageMemory *>(h);
  ++m->locks;
  *out = m->bytes.data();
  return kOfxStatOK;
}
OfxStatus imageMemoryUnlock(OfxImageMemoryHandle h) {
  if (!h) return kOfxStatErrBadHandle;
  --reinterpret_cast<ImageMemory *>(h)->locks;
  return kOfxStatOK;
}

const OfxImageEffectSuiteV1 kImageEffectSuite = {
    getPropertySet, getParamSet, clipDefine, clipGetHandle, clipGetPropertySet, clipGetImage, clipReleaseImage,
    clipGetRegionOfDefinition, abortFn, imageMemoryAlloc, imageMemoryFree, imageMemoryLock, imageMemoryUnlock,
};

// ------------------------------------------------------------------ parameter suite

OfxStatus paramDefine(OfxParamSetHandle h, const char *type, const char *name, OfxPropertySetHandle *props) {
  if (!h || !type || !name) return kOfxStatErrBadHandle;
  ParamSet *ps = paramSetOf(h);
  if (ps->find(name)) return kOfxStatErrExists;
  auto p = newParam(type, name);
  if (!p) {
    logLine(std::string("PARAM_DEFINE_UNKNOWN_TYPE ") + type);
    return kOfxStatErrUnknown;
  }
  p->owner = ps->owner;
  if (props) *props = handleOf(&p->props);
  logLine(std::string("PARAM_DEFINE name=") + name + " type=" + type);
  ps->params.push_back(std::move(p));
  return kOfxStatOK;
}
OfxStatus paramGetHandle(OfxParamSetHandle h, const char *name, OfxParamHandle *out, OfxPropertySetHandle *props) {
  if (!h || !name || !out) return kOfxStatErrBadHandle;
  Param *p = paramSetOf(h)->find(name);
  if (!p) return kOfxStatErrUnknown;
  *out = reinterpret_cast<OfxParamHandle>(p);
  if (props) *props = handleOf(&p->props);
  return kOfxStatOK;
}
OfxStatus paramSetGetPropertySet(OfxParamSetHandle h, OfxPropertySetHandle *out) {
  if (!h || !out) return kOfxStatErrBadHandle;
  *out = handleOf(&paramSetOf(h)->props);
  return kOfxStatOK;
}
OfxStatus paramGetPropertySet(OfxParamHandle h, OfxPropertySetHandle *out) {
  if (!h || !out) return kOfxStatErrBadHandle;
  *out = handleOf(&paramOf(h)->props);
  return kOfxStatOK;
}

bool valueless(const Param &p) { return p.type == kOfxParamTypePushButton || p.type == kOfxParamTypeGroup || p.type == kOfxParamTypePage; }

thread_local std::string t_stringResult; // what a string getter hands out: valid until the next call

OfxStatus readOut(Param *p, double t, va_list ap) {
  std::lock_guard l(p->mutex);
  if (valueless(*p)) return kOfxStatErrBadHandle;
  if (p->isString) {
    t_stringResult = stringAt(*p, t);
    *va_arg(ap, const char **) = t_stringResult.c_str();
    return kOfxStatOK;
  }
  std::vector<double> v = valueAt(*p, t);
  for (int i = 0; i < p->dims; ++i) {
    if (p->isInt) *va_arg(ap, int *) = static_cast<int>(std::lround(v[i]));
    else *va_arg(ap, double *) = v[i];
  }
  return kOfxStatOK;
}

OfxStatus paramGetValue(OfxParamHandle h, ...) {
  if (!h) return kOfxStatErrBadHandle;
  va_list ap;
  va_start(ap, h);
  OfxStatus st = readOut(paramOf(h), g_config.currentTime, ap);
  va_end(ap);
  return st;
}
OfxStatus paramGetValueAtTime(OfxParamHandle h, OfxTime t, ...) {
  if (!h) return kOfxStatErrBadHandle;
  va_list ap;
  va_start(ap, t);
  OfxStatus st = readOut(paramOf(h), t, ap);
  va_end(ap);
  return st;
}
OfxStatus paramGetDerivative(OfxParamHandle h, OfxTime t, ...) {
  if (!h) return kOfxStatErrBadHandle;
  Param *p = paramOf(h);
  if (p->isString || valueless(*p)) return kOfxStatErrBadHandle;
  std::vector<double> a, b;
  {
    std::lock_guard l(p->mutex);
    a = valueAt(*p, t - 0.5);
    b = valueAt(*p, t + 0.5);
  }
  va_list ap;
  va_start(ap, t);
  for (int i = 0; i < p->dims; ++i) *va_arg(ap, double *) = b[i] - a[i];
  va_end(ap);
  return kOfxStatOK;
}
OfxStatus paramGetIntegral(OfxParamHandle h, OfxTime t1, OfxTime t2, ...) {
  if (!h) return kOfxStatErrBadHandle;
  Param *p = paramOf(h);
  if (p->isString || valueless(*p)) return kOfxStatErrBadHandle;
  std::vector<double> sum(p->dims, 0.0);
  const int steps = 64;
  {
    std::lock_guard l(p->mutex);
    for (int s = 0; s < steps; ++s) { // midpoint rule
      std::vector<double> v = valueAt(*p, t1 + (t2 - t1) * (s + 0.5) / steps);
      for (int i = 0; i < p->dims; ++i) sum[i] += v[i] * (t2 - t1) / steps;
    }
  }
  va_list ap;
  va_start(ap, t2);
  for (int i = 0; i < p->dims; ++i) *va_arg(ap, double *) = sum[i];
  va_end(ap);
  return kOfxStatOK;
}

// Reads the setter's values; stores them as a key at `keyTime` or (NaN) as the value.
OfxStatus writeIn(Param *p, double keyTime, va_list ap) {
  if (valueless(*p)) return kOfxStatErrBadHandle;
  if (!g_config.failSet.empty() && p->name == g_config.failSet) {
    logLine("PARAM_SET_REFUSED name=" + p->name);
    return kOfxStatFailed;
  }
  if (std::string(t_action.action) == kOfxImageEffectActionRender) {
    logLine("PARAM_SET_IN_RENDER name=" + p->name); // plugins must never set params in render
  }
  {
    std::lock_guard l(p->mutex);
    if (p->isString) {
      const char *s = va_arg(ap, const char *);
      std::string v = s ? s : "";
      if (std::isnan(keyTime)) p->str = v;
      else p->strKeys[keyTime] = v;
    } else {
      std::vector<double> v(p->dims);
      for (int i = 0; i < p->dims; ++i) v[i] = p->isInt ? va_arg(ap, int) : va_arg(ap, double);
      if (std::isnan(keyTime) && !p->keys.empty()) keyTime = g_config.currentTime; // animated: key now
      if (std::isnan(keyTime)) p->value = v;
      else p->keys[keyTime] = v;
    }
  }
  logLine("PARAM_SET name=" + p->name + (std::isnan(keyTime) ? "" : " key=" + fmtD(keyTime)) +
          " value=" + paramValueText(*p, std::isnan(keyTime) ? g_config.currentTime : keyTime));
  return kOfxStatOK;
}

Effect *ownerOf(Param *p) { return p->owner; }

OfxStatus paramSetValue(OfxParamHandle h, ...) {
  if (!h) return kOfxStatErrBadHandle;
  va_list ap;
  va_start(ap, h);
  OfxStatus st = writeIn(paramOf(h), NAN, ap);
  va_end(ap);
  if (st == kOfxStatOK) notifyInstanceChanged(ownerOf(paramOf(h)), paramOf(h)->name, kOfxChangePluginEdited);
  return st;
}
OfxStatus paramSetValueAtTime(OfxParamHandle h, OfxTime t, ...) {
  if (!h) return kOfxStatErrBadHandle;
  va_list ap;
  va_start(ap, t);
  OfxStatus st = writeIn(paramOf(h), t, ap);
  va_end(ap);
  if (st == kOfxStatOK) notifyInstanceChanged(ownerOf(paramOf(h)), paramOf(h)->name, kOfxChangePluginEdited);
  return st;
}

std::vector<double> keyTimes(Param *p) {
  std::lock_guard l(p->mutex);
  std::vector<double> out;
  if (p->isString) for (auto &k : p->strKeys) out.push_back(k.first);
  else for (auto &k : p->keys) out.push_back(k.first);
  return out;
}
OfxStatus paramGetNumKeys(OfxParamHandle h, unsigned int *n) {
  if (g_config.keysMissing) return kOfxStatErrMissingHostFeature; // the HostSupport default
  if (!h || !n) return kOfxStatErrBadHandle;
  *n = static_cast<unsigned>(keyTimes(paramOf(h)).size());
  return kOfxStatOK;
}
OfxStatus paramGetKeyTime(OfxParamHandle h, unsigned int nth, OfxTime *t) {
  if (g_config.keysMissing) return kOfxStatErrMissingHostFeature; // the HostSupport default
  if (!h || !t) return kOfxStatErrBadHandle;
  auto times = keyTimes(paramOf(h));
  if (nth >= times.size()) return kOfxStatErrBadIndex;
  *t = times[nth];
  return kOfxStatOK;
}
OfxStatus paramGetKeyIndex(OfxParamHandle h, OfxTime t, int direction, int *index) {
  if (g_config.keysMissing) return kOfxStatErrMissingHostFeature; // the HostSupport default
  if (!h || !index) return kOfxStatErrBadHandle;
  auto times = keyTimes(paramOf(h));
  for (int i = 0; i < (int)times.size(); ++i) {
    int j = direction < 0 ? (int)times.size() - 1 - i : i;
    if ((direction == 0 && times[j] == t) || (direction > 0 && times[j] > t) || (direction < 0 && times[j] < t)) {
      *index = j;
      return kOfxStatOK;
    }
  }
  return kOfxStatFailed;
}
OfxStatus paramDeleteKey(OfxParamHandle h, OfxTime t) {
  if (g_config.keysMissing) return kOfxStatErrMissingHostFeature; // the HostSupport default
  if (!h) return kOfxStatErrBadHandle;
  Param *p = paramOf(h);
  std::lock_guard l(p->mutex);
  size_t erased = p->isString ? p->strKeys.erase(t) : p->keys.erase(t);
  return erased ? kOfxStatOK : kOfxStatErrBadIndex;
}
OfxStatus paramDeleteAllKeys(OfxParamHandle h) {
  if (g_config.keysMissing) return kOfxStatErrMissingHostFeature; // the HostSupport default
  if (!h) return kOfxStatErrBadHandle;
  Param *p = paramOf(h);
  std::lock_guard l(p->mutex);
  if (!p->keys.empty()) p->value = p->keys.begin()->second;
  if (!p->strKeys.empty()) p->str = p->strKeys.begin()->second;
  p->keys.clear();
  p->strKeys.clear();
  return kOfxStatOK;
}
OfxStatus paramCopy(OfxParamHandle to, OfxParamHandle from, OfxTime offset, const OfxRangeD *range) {
  if (g_config.keysMissing) return kOfxStatErrMissingHostFeature; // the HostSupport default
  if (!to || !from) return kOfxStatErrBadHandle;
  Param *d = paramOf(to), *s = paramOf(from);
  if (d == s || d->type != s->type) return kOfxStatErrValue;
  std::scoped_lock l(d->mutex, s->mutex);
  d->value = s->value;
  d->str = s->str;
  d->keys.clear();
  d->strKeys.clear();
  for (auto &k : s->keys)
    if (!range || (k.first >= range->min && k.first <= range->max)) d->keys[k.first + offset] = k.second;
  for (auto &k : s->strKeys)
    if (!range || (k.first >= range->min && k.first <= range->max)) d->strKeys[k.first + offset] = k.second;
  return kOfxStatOK;
}
OfxStatus paramEditBegin(OfxParamSetHandle h, const char *name) {
  if (!h) return kOfxStatErrBadHandle;
  ParamSet *ps = paramSetOf(h);
  int depth;
  {
    std::lock_guard l(ps->editMutex);
    depth = ++ps->editDepth;
  }
  logLine(std::string("EDIT_BEGIN name=") + (name ? name : "") + " depth=" + std::to_string(depth));
  return kOfxStatOK;
}
OfxStatus paramEditEnd(OfxParamSetHandle h) {
  if (!h) return kOfxStatErrBadHandle;
  ParamSet *ps = paramSetOf(h);
  int depth;
  {
    std::lock_guard l(ps->editMutex);
    if (ps->editDepth == 0) {
      logLine("EDIT_END_WITHOUT_BEGIN");
      return kOfxStatFailed;
    }
    depth = --ps->editDepth;
  }
  logLine("EDIT_END depth=" + std::to_string(depth));
  return kOfxStatOK;
}

const OfxParameterSuiteV1 kParameterSuite = {
    paramDefine, paramGetHandle, paramSetGetPropertySet, paramGetPropertySet, paramGetValue, paramGetValueAtTime,
    paramGetDerivative, paramGetIntegral, paramSetValue, paramSetValueAtTime, paramGetNumKeys, paramGetKeyTime,
    paramGetKeyIndex, paramDeleteKey, paramDeleteAllKeys, paramCopy, paramEditBegin, paramEditEnd,
};

// ------------------------------------------------------------------ memory, message, progress

OfxStatus memoryAlloc(void *, size_t n, void **out) {
  if (!out) return kOfxStatErrBadHandle;
  *out = std::malloc(n ? n : 1);
  return *out ? kOfxStatOK : kOfxStatErrMemory;
}
OfxStatus memoryFree(void *p) {
  std::free(p);
  return kOfxStatOK;
}
const OfxMemorySuiteV1 kMemorySuite = {memoryAlloc, memoryFree};

OfxStatus vmessage(const char *kind, const char *type, const char *id, const char *format, va_list ap) {
  char text[4096];
  std::vsnprintf(text, sizeof text, format ? format : "", ap);
  std::string flat = text;
  for (auto &ch : flat)
    if (ch == '\n') ch = ' ';
  logLine(std::string(kind) + " type=" + (type ? type : "") + " id=" + (id ? id : "") + " text=" + flat);
  std::fprintf(stderr, "[%s] %s\n", type ? type : "?", text);
  return type && std::strcmp(type, kOfxMessageQuestion) == 0 ? kOfxStatReplyYes : kOfxStatOK;
}
OfxStatus message(void *, const char *type, const char *id, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  OfxStatus st = vmessage("MESSAGE", type, id, format, ap);
  va_end(ap);
  return st;
}
OfxStatus persistentMessage(void *, const char *type, const char *id, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  OfxStatus st = vmessage("PERSISTENT_MESSAGE", type, id, format, ap);
  va_end(ap);
  return st;
}
OfxStatus clearPersistentMessage(void *) {
  logLine("PERSISTENT_MESSAGE_CLEARED");
  return kOfxStatOK;
}
const OfxMessageSuiteV2 kMessageSuite = {message, persistentMessage, clearPersistentMessage};

OfxStatus progressStartV1(void *, const char *label) {
  g_progressUpdates = 0;
  g_cancelled = false;
  logLine(std::string("PROGRESS_START label=") + (label ? label : ""));
  return kOfxStatOK;
}
OfxStatus progressStartV2(void *, const char *message, const char *id) {
  g_progressUpdates = 0;
  g_cancelled = false;
  logLine(std::string("PROGRESS_START label=") + (message ? message : "") + " id=" + (id ? id : ""));
  return kOfxStatOK;
}
OfxStatus progressUpdate(void *, double fraction) {
  int n = ++g_progressUpdates;
  logLine("PROGRESS_UPDATE n=" + std::to_string(n) + " fraction=" + fmtD(fraction));
  if (g_config.cancelAfter > 0 && n >= g_config.cancelAfter) {
    if (!g_cancelled.exchange(true)) logLine("PROGRESS_CANCEL n=" + std::to_string(n));
    return kOfxStatReplyNo;
  }
  return kOfxStatOK;
}
OfxStatus progressEnd(void *) {
  logLine("PROGRESS_END updates=" + std::to_string(g_progressUpdates.load()));
  return kOfxStatOK;
}
const OfxProgressSuiteV1 kProgressV1 = {progressStartV1, progressUpdate, progressEnd};
const OfxProgressSuiteV2 kProgressV2 = {progressStartV2, progressUpdate, progressEnd};

// ------------------------------------------------------------------ multithread, timeline

thread_local unsigned t_threadIndex = 0;
thread_local bool t_spawned = false;

OfxStatus multiThread(OfxThreadFunctionV1 *fn, unsigned n, void *arg) {
  if (!fn) return kOfxStatErrBadHandle;
  if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < n; ++i) {
    threads.emplace_back([=] {
      t_threadIndex = i;
      t_spawned = true;
      fn(i, n, arg);
    });
  }
  for (auto &t : threads) t.join();
  return kOfxStatOK;
}
OfxStatus numCpus(unsigned *n) {
  if (!n) return kOfxStatErrBadHandle;
  *n = std::max(1u, std::thread::hardware_concurrency());
  return kOfxStatOK;
}
OfxStatus threadIndex(unsigned *i) {
  if (!i) return kOfxStatErrBadHandle;
  *i = t_threadIndex;
  return kOfxStatOK;
}
int isSpawned() { return t_spawned ? 1 : 0; }
OfxStatus mutexCreate(OfxMutexHandle *m, int lockCount) {
  if (!m) return kOfxStatErrBadHandle;
  auto *mx = new std::recursive_mutex();
  for (int i = 0; i < lockCount; ++i) mx->lock();
  *m = reinterpret_cast<OfxMutexHandle>(mx);
  return kOfxStatOK;
}
OfxStatus mutexDestroy(const OfxMutexHandle m) {
  delete reinterpret_cast<std::recursive_mutex *>(m);
  return kOfxStatOK;
}
OfxStatus mutexLock(const OfxMutexHandle m) {
  reinterpret_cast<std::recursive_mutex *>(m)->lock();
  return kOfxStatOK;
}
OfxStatus mutexUnLock(const OfxMutexHandle m) {
  reinterpret_cast<std::recursive_mutex *>(m)->unlock();
  return kOfxStatOK;
}
OfxStatus mutexTryLock(const OfxMutexHandle m) {
  return reinterpret_cast<std::recursive_mutex *>(m)->try_lock() ? kOfxStatOK : kOfxStatFailed;
}
const OfxMultiThreadSuiteV1 kMultiThreadSuite = {multiThread, numCpus, threadIndex, isSpawned, mutexCreate,
                                                 mutexDestroy, mutexLock, mutexUnLock, mutexTryLock};

OfxStatus getTime(void *, double *t) {
  if (!t) return kOfxStatErrBadHandle;
  *t = g_config.currentTime;
  return kOfxStatOK;
}
OfxStatus gotoTime(void *, double t) {
  g_config.currentTime = t;
  logLine("GOTO_TIME time=" + fmtD(t));
  return kOfxStatOK;
}
OfxStatus getTimeBounds(void *, double *first, double *last) {
  if (!first || !last) return kOfxStatErrBadHandle;
  *first = g_config.timeBounds[0];
  *last = g_config.timeBounds[1];
  return kOfxStatOK;
}
const OfxTimeLineSuiteV1 kTimeLineSuite = {getTime, gotoTime, getTimeBounds};

// ------------------------------------------------------------------ host

PropertySet g_hostProps{"host"};

const void *fetchSuite(OfxPropertySetHandle, const char *name, int version) {
  std::string n = name ? name : "";
  const void *suite = nullptr;
  if (n == kOfxPropertySuite && version == 1) suite = propertySuite();
  else if (n == kOfxImageEffectSuite && version == 1) suite = &kImageEffectSuite;
  else if (n == kOfxParameterSuite && version == 1) suite = &kParameterSuite;
  else if (n == kOfxMemorySuite && version == 1) suite = &kMemorySuite;
  else if (n == kOfxMessageSuite && (version == 1 || version == 2)) suite = &kMessageSuite; // V1 is V2's prefix
  else if (n == kOfxProgressSuite && version == 1) suite = &kProgressV1;
  else if (n == kOfxProgressSuite && version == 2) suite = &kProgressV2;
  else if (n == kOfxMultiThreadSuite && version == 1) suite = &kMultiThreadSuite;
  else if (n == kOfxTimeLineSuite && version == 1) suite = &kTimeLineSuite;
  logLine("FETCH_SUITE name=" + n + " version=" + std::to_string(version) + (suite ? " ok" : " missing"));
  return suite;
}

OfxHost g_host = {handleOf(&g_hostProps), fetchSuite};

} // namespace

OfxHost *hostStruct() { return &g_host; }

void initHostProperties() {
  g_hostProps.setS(kOfxPropType, {kOfxTypeImageEffectHost});
  g_hostProps.setS(kOfxPropName, {"org.vidkompy.testhost"});
  g_hostProps.setS(kOfxPropLabel, {"vidkompy headless test host"});
  g_hostProps.setI(kOfxPropAPIVersion, {1, 4});
  g_hostProps.setI(kOfxImageEffectHostPropIsBackground, {1});
  g_hostProps.setI(kOfxImageEffectPropTemporalClipAccess, {1});
  g_hostProps.setS(kOfxImageEffectPropSupportedContexts, {kOfxImageEffectContextGeneral, kOfxImageEffectContextFilter});
  g_hostProps.setS(kOfxImageEffectPropSupportedPixelDepths, {kOfxBitDepthByte, kOfxBitDepthShort, kOfxBitDepthFloat});
  g_hostProps.setS(kOfxImageEffectPropSupportedComponents, {kOfxImageComponentRGBA});
  g_hostProps.setI(kOfxImageEffectPropSupportsTiles, {1});
  g_hostProps.setI(kOfxImageEffectPropSupportsMultiResolution, {1});
  g_hostProps.setI(kOfxParamHostPropSupportsStringAnimation, {0});
}

} // namespace testhost
