// ofxtesthost - a headless OpenFX host for vidkompy's integration tests.
//
// Loads a bundle the way real hosts do (scan: Load, Describe, DescribeInContext, Unload; then Load
// again for an instance), feeds the Source/Background clips from raw frame directories or generated
// patterns at any requested time, presses push buttons, renders from its own threads, and writes a
// line-oriented log (every action status, every clipGetImage, parameter writes, edit blocks,
// progress, messages) that tests read. Run with --help for the options.
#include "host.h"

#include <dlfcn.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace testhost {

namespace {
std::mutex g_logMutex;
FILE *g_log = nullptr;
bool g_verbose = false;
std::atomic<int> g_threadCounter{0};
thread_local int t_hostThread = -1;

int hostThreadId() {
  if (t_hostThread < 0) t_hostThread = g_threadCounter++;
  return t_hostThread;
}
} // namespace

void logLine(const std::string &line) {
  std::lock_guard l(g_logMutex);
  if (g_log) {
    std::fprintf(g_log, "%s\n", line.c_str());
    std::fflush(g_log);
  }
  if (g_verbose || !g_log) std::fprintf(stderr, "%s\n", line.c_str());
}

std::string fmtD(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

const char *depthName(Depth d) {
  switch (d) {
  case Depth::Byte: return kOfxBitDepthByte;
  case Depth::Short: return kOfxBitDepthShort;
  default: return kOfxBitDepthFloat;
  }
}
size_t bytesPerPixel(Depth d) { return d == Depth::Byte ? 4 : d == Depth::Short ? 8 : 16; }

// Pattern frames encode who and when: foreground R=1, G=x ramp, B=frame/255; background R=0,
// G=y ramp (top row 0), B=frame/255; alpha 1. With 8-bit output, B reads back as the frame number.
bool FrameSource::frame(int index, std::vector<float> &rgba) const {
  rgba.assign(static_cast<size_t>(width) * height * 4, 0.f);
  if (dir.empty()) {
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        float *p = &rgba[(static_cast<size_t>(y) * width + x) * 4];
        p[0] = clipId == 0 ? 1.f : 0.f;
        p[1] = clipId == 0 ? float(x) / std::max(1, width - 1) : float(y) / std::max(1, height - 1);
        p[2] = float(index % 256) / 255.f;
        p[3] = 1.f;
      }
    return true;
  }
  char name[64];
  std::snprintf(name, sizeof name, "/frame_%05d.rgba", index);
  std::ifstream in(dir + name, std::ios::binary | std::ios::ate);
  if (!in) return false;
  size_t size = static_cast<size_t>(in.tellg()), pixels = static_cast<size_t>(width) * height;
  in.seekg(0);
  if (size == pixels * 4) { // RGBA8
    std::vector<unsigned char> bytes(size);
    in.read(reinterpret_cast<char *>(bytes.data()), size);
    for (size_t i = 0; i < bytes.size(); ++i) rgba[i] = bytes[i] / 255.f;
    return true;
  }
  if (size == pixels * 16) { // RGBA float32, native byte order
    in.read(reinterpret_cast<char *>(rgba.data()), size);
    return true;
  }
  logLine("FRAME_SIZE_MISMATCH file=" + dir + name + " bytes=" + std::to_string(size));
  return false;
}

// ------------------------------------------------------------------ parameters

std::unique_ptr<Param> newParam(const std::string &type, const std::string &name) {
  auto p = std::make_unique<Param>();
  p->name = name;
  p->type = type;
  p->props.what = "param:" + name;
  if (type == kOfxParamTypeDouble) p->dims = 1;
  else if (type == kOfxParamTypeDouble2D) p->dims = 2;
  else if (type == kOfxParamTypeDouble3D || type == kOfxParamTypeRGB) p->dims = 3;
  else if (type == kOfxParamTypeRGBA) p->dims = 4;
  else if (type == kOfxParamTypeInteger || type == kOfxParamTypeBoolean || type == kOfxParamTypeChoice) p->isInt = true;
  else if (type == kOfxParamTypeInteger2D) p->isInt = true, p->dims = 2;
  else if (type == kOfxParamTypeInteger3D) p->isInt = true, p->dims = 3;
  else if (type == kOfxParamTypeString || type == kOfxParamTypeCustom) p->isString = true;
  else if (type == kOfxParamTypePushButton || type == kOfxParamTypeGroup || type == kOfxParamTypePage) p->dims = 0;
  else return nullptr;
  PropertySet &pr = p->props;
  pr.setS(kOfxPropType, {kOfxTypeParameter});
  pr.setS(kOfxParamPropType, {type});
  pr.setS(kOfxPropName, {name});
  pr.setS(kOfxPropLabel, {name});
  pr.setS(kOfxParamPropScriptName, {name});
  pr.setS(kOfxParamPropHint, {""});
  pr.setS(kOfxParamPropParent, {""});
  pr.setI(kOfxParamPropSecret, {0});
  pr.setI(kOfxParamPropEnabled, {1});
  pr.setI(kOfxParamPropCanUndo, {1});
  if (p->dims == 0 && !p->isString) return p;
  pr.setI(kOfxParamPropAnimates, {p->isString ? 0 : 1});
  pr.setI(kOfxParamPropPersistant, {1});
  pr.setI(kOfxParamPropEvaluateOnChange, {1});
  if (p->isString) {
    pr.setS(kOfxParamPropDefault, {""});
    pr.setS(kOfxParamPropStringMode, {"OfxParamStringIsSingleLine"});
  } else if (p->isInt) {
    pr.setI(kOfxParamPropDefault, std::vector<int>(p->dims, 0));
  } else {
    pr.setD(kOfxParamPropDefault, std::vector<double>(p->dims, 0.0));
  }
  return p;
}

void initParamFromDefault(Param &p) {
  std::lock_guard l(p.mutex);
  if (p.isString) {
    p.str = p.props.getS(kOfxParamPropDefault);
    return;
  }
  p.value.assign(p.dims, 0.0);
  for (int i = 0; i < p.dims; ++i)
    p.value[i] = p.isInt ? p.props.getI(kOfxParamPropDefault, i) : p.props.getD(kOfxParamPropDefault, i);
}

bool setParamFromText(Param &p, const std::string &text) {
  std::lock_guard l(p.mutex);
  if (p.isString) {
    p.str = text;
    return true;
  }
  if (p.dims == 0) return false;
  std::vector<double> v;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) v.push_back(std::stod(part));
  if ((int)v.size() != p.dims) return false;
  if (!p.keys.empty()) p.keys[g_config.currentTime] = v;
  else p.value = v;
  return true;
}

std::string escape(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

std::string paramValueText(Param &p, double time) {
  std::lock_guard l(p.mutex);
  if (p.isString) return escape(stringAt(p, time));
  if (p.dims == 0) return "";
  std::vector<double> v = valueAt(p, time);
  std::string out;
  for (int i = 0; i < p.dims; ++i) out += (i ? "," : "") + fmtD(v[i]);
  return out;
}

size_t paramKeyCount(Param &p) {
  std::lock_guard l(p.mutex);
  return p.isString ? p.strKeys.size() : p.keys.size();
}

OfxStatus callAction(const char *action, const void *handle, PropertySet *in = nullptr, PropertySet *out = nullptr) {
  return g_callPlugin(action, handle, in, out);
}

void notifyInstanceChanged(Effect *effect, const std::string &paramName, const char *reason) {
  if (effect == nullptr || effect->isDescriptor) return;
  PropertySet begin("beginInstanceChanged"), args("instanceChanged");
  begin.setS(kOfxPropChangeReason, {reason});
  args.setS(kOfxPropType, {kOfxTypeParameter});
  args.setS(kOfxPropName, {paramName});
  args.setS(kOfxPropChangeReason, {reason});
  args.setD(kOfxPropTime, {g_config.currentTime});
  args.setD(kOfxImageEffectPropRenderScale, {1.0, 1.0});
  const char *previous = t_action.action;
  t_action.action = kOfxActionInstanceChanged;
  callAction(kOfxActionBeginInstanceChanged, effect, &begin);
  callAction(kOfxActionInstanceChanged, effect, &args);
  callAction(kOfxActionEndInstanceChanged, effect, &begin);
  t_action.action = previous;
}

} // namespace testhost

using namespace testhost;

namespace {

struct Options {
  std::string binary, context = kOfxImageEffectContextGeneral, out, log;
  std::string fgSpec, bgSpec;
  int fgW = 64, fgH = 48, bgW = 0, bgH = 0;
  std::vector<std::pair<char, std::string>> edits; // ('s', NAME=VALUE) or ('p', BUTTON), in command-line order
  std::vector<double> renders;
  double scale = 1;
  int threads = 1;
  int bands = 0; // --roi-bands: render in this many horizontal bands, inputs cropped to the regions of interest
  bool hasWindow = false;
  int window[4] = {0, 0, 0, 0};
  bool cycleLoad = false, reopen = false, noSetHost = false, describeOnly = false;
};

[[noreturn]] void usage(const std::string &error) {
  std::cerr << "ofxtesthost: " << error << "\n"
            << "usage: ofxtesthost (--bundle X.ofx.bundle | --plugin X.ofx) [options]\n"
               "  --fg DIR|pattern:N       foreground (Source) frames: DIR/frame_%05d.rgba or N generated\n"
               "  --bg DIR|pattern:N       background frames; absent = Background not connected\n"
               "  --size WxH               size of both inputs (--fg-size / --bg-size for each)\n"
               "  --context general|filter --depth byte|short|float\n"
               "  --set NAME=VALUE         set a parameter as a user would (repeatable)\n"
               "  --press A,B              press push buttons (UserEdited); --set/--press run in order\n"
               "  --cancel-after N         progressUpdate answers 'cancelled' from update N on\n"
               "  --render T1,T2,..        render these times   --scale S   --threads N\n"
               "  --window x1,y1,x2,y2     render window in pixels (default: whole output)\n"
               "  --negative-rowbytes  --row-pad BYTES\n"
               "  --roi-bands N            render in N horizontal bands; ask GetRegionsOfInterest for each\n"
               "                           and serve inputs cropped to it (an empty region fails the fetch)\n"
               "  --missing-key-functions  key functions answer kOfxStatErrMissingHostFeature\n"
               "  --fail-param-set NAME    paramSetValue on NAME fails (kOfxStatFailed)\n"
               "  --empty-image CLIP@T     clipGetImage(CLIP, T) gives a 0x0 image with NULL data\n"
               "  --cycle-load             scan first (Load, Describe, DescribeInContext, Unload)\n"
               "  --reopen                 with --cycle-load: dlclose and dlopen the binary between\n"
               "  --no-sethost             do not call OfxSetHost (like the HostSupport library)\n"
               "  --describe-only  --time T  --out DIR  --log FILE  --verbose\n";
  std::exit(2);
}

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);)
    if (!part.empty()) out.push_back(part);
  return out;
}

void parseSize(const std::string &s, int &w, int &h) {
  if (std::sscanf(s.c_str(), "%dx%d", &w, &h) != 2 || w <= 0 || h <= 0) usage("bad size '" + s + "'");
}

Options parse(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) usage("missing value after " + a);
      return argv[++i];
    };
    if (a == "--bundle") {
      std::string b = next();
      while (!b.empty() && b.back() == '/') b.pop_back();
      std::string base = b.substr(b.find_last_of('/') + 1);
      if (base.size() < 7 || base.compare(base.size() - 7, 7, ".bundle") != 0) usage("bundle name must end in .bundle");
      o.binary = b + "/Contents/Linux-x86-64/" + base.substr(0, base.size() - 7);
    } else if (a == "--plugin") o.binary = next();
    else if (a == "--fg") o.fgSpec = next();
    else if (a == "--bg") o.bgSpec = next();
    else if (a == "--size") { parseSize(next(), o.fgW, o.fgH); o.bgW = o.fgW; o.bgH = o.fgH; }
    else if (a == "--fg-size") parseSize(next(), o.fgW, o.fgH);
    else if (a == "--bg-size") parseSize(next(), o.bgW, o.bgH);
    else if (a == "--context") {
      std::string c = next();
      if (c == "general") o.context = kOfxImageEffectContextGeneral;
      else if (c == "filter") o.context = kOfxImageEffectContextFilter;
      else usage("unknown context " + c);
    } else if (a == "--depth") {
      std::string d = next();
      if (d == "byte") g_config.depth = Depth::Byte;
      else if (d == "short") g_config.depth = Depth::Short;
      else if (d == "float") g_config.depth = Depth::Float;
      else usage("unknown depth " + d);
    } else if (a == "--set") o.edits.emplace_back('s', next());
    else if (a == "--press") for (auto &p : split(next(), ',')) o.edits.emplace_back('p', p);
    else if (a == "--cancel-after") g_config.cancelAfter = std::stoi(next());
    else if (a == "--render") for (auto &t : split(next(), ',')) o.renders.push_back(std::stod(t));
    else if (a == "--scale") o.scale = std::stod(next());
    else if (a == "--threads") o.threads = std::max(1, std::stoi(next()));
    else if (a == "--window") {
      o.hasWindow = std::sscanf(next().c_str(), "%d,%d,%d,%d", &o.window[0], &o.window[1], &o.window[2], &o.window[3]) == 4;
      if (!o.hasWindow) usage("bad --window");
    } else if (a == "--negative-rowbytes") g_config.negativeRowBytes = true;
    else if (a == "--roi-bands") o.bands = std::max(1, std::stoi(next()));
    else if (a == "--missing-key-functions") g_config.keysMissing = true;
    else if (a == "--fail-param-set") g_config.failSet = next();
    else if (a == "--empty-image") {
      std::string v = next();
      auto at = v.find('@');
      if (at == std::string::npos) usage("bad --empty-image " + v);
      g_config.emptyImages.emplace_back(v.substr(0, at), std::stod(v.substr(at + 1)));
    }
    else if (a == "--row-pad") g_config.rowPad = std::stoi(next());
    else if (a == "--cycle-load") o.cycleLoad = true;
    else if (a == "--reopen") o.reopen = true;
    else if (a == "--no-sethost") o.noSetHost = true;
    else if (a == "--describe-only") o.describeOnly = true;
    else if (a == "--time") g_config.currentTime = std::stod(next());
    else if (a == "--out") o.out = next();
    else if (a == "--log") o.log = next();
    else if (a == "--verbose") g_verbose = true;
    else if (a == "--help" || a == "-h") usage("help");
    else usage("unknown option " + a);
  }
  if (o.binary.empty()) usage("--bundle or --plugin is required");
  if (o.bgW == 0) o.bgW = o.fgW, o.bgH = o.fgH;
  return o;
}

bool makeSource(const std::string &spec, int clipId, int w, int h, FrameSource &src) {
  if (spec.empty()) return false;
  src.clipId = clipId;
  src.width = w;
  src.height = h;
  if (spec.rfind("pattern:", 0) == 0) {
    src.count = std::stoi(spec.substr(8));
    return true;
  }
  src.dir = spec;
  char name[64];
  struct stat st {};
  for (src.count = 0;; ++src.count) {
    std::snprintf(name, sizeof name, "/frame_%05d.rgba", src.count);
    if (stat((spec + name).c_str(), &st) != 0) break;
  }
  if (src.count == 0) usage("no frame_00000.rgba in " + spec);
  return true;
}

struct Binary {
  void *dl = nullptr;
  OfxPlugin *plugin = nullptr;
};

Binary openBinary(const Options &o) {
  Binary b;
  b.dl = dlopen(o.binary.c_str(), RTLD_LAZY | RTLD_LOCAL);
  if (!b.dl) {
    logLine(std::string("DLOPEN_FAILED ") + dlerror());
    std::exit(1);
  }
  using SetHostFn = OfxStatus (*)(const OfxHost *);
  using CountFn = int (*)();
  using GetFn = OfxPlugin *(*)(int);
  auto setHost = reinterpret_cast<SetHostFn>(dlsym(b.dl, "OfxSetHost"));
  auto count = reinterpret_cast<CountFn>(dlsym(b.dl, "OfxGetNumberOfPlugins"));
  auto get = reinterpret_cast<GetFn>(dlsym(b.dl, "OfxGetPlugin"));
  if (!count || !get) {
    logLine("MISSING_ENTRY_POINTS");
    std::exit(1);
  }
  if (setHost && !o.noSetHost) {
    OfxStatus st = setHost(hostStruct());
    logLine("OFXSETHOST status=" + std::to_string(st));
    if (st != kOfxStatOK) std::exit(1);
  }
  int n = count();
  logLine("PLUGINS count=" + std::to_string(n));
  if (n < 1) std::exit(1);
  b.plugin = get(0);
  if (!b.plugin || std::strcmp(b.plugin->pluginApi, kOfxImageEffectPluginApi) != 0 || b.plugin->apiVersion != 1) {
    logLine("UNSUPPORTED_PLUGIN_API");
    std::exit(1);
  }
  logLine(std::string("PLUGIN id=") + b.plugin->pluginIdentifier + " version=" + std::to_string(b.plugin->pluginVersionMajor) +
          "." + std::to_string(b.plugin->pluginVersionMinor));
  b.plugin->setHost(hostStruct());
  return b;
}

OfxPlugin *g_plugin = nullptr;

OfxStatus callPlugin(const char *action, const void *handle, PropertySet *in, PropertySet *out) {
  auto start = std::chrono::steady_clock::now();
  OfxStatus st = g_plugin->mainEntry(action, handle, in ? handleOf(in) : nullptr, out ? handleOf(out) : nullptr);
  long ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  logLine(std::string("ACTION ") + action + " status=" + std::to_string(st) + " thread=" + std::to_string(hostThreadId()) +
          " ms=" + std::to_string(ms));
  return st;
}

std::unique_ptr<Effect> newDescriptor(const std::string &context) {
  auto e = std::make_unique<Effect>();
  e->context = context;
  e->params.owner = e.get();
  e->props.setS(kOfxPropType, {kOfxTypeImageEffect});
  if (!context.empty()) e->props.setS(kOfxImageEffectPropContext, {context});
  e->props.setS(kOfxImageEffectPropSupportedContexts, {});
  e->props.setS(kOfxImageEffectPropSupportedPixelDepths, {});
  e->props.setI(kOfxImageEffectPropTemporalClipAccess, {0});
  return e;
}

bool hostSupportsContext(const std::string &c) {
  return c == kOfxImageEffectContextGeneral || c == kOfxImageEffectContextFilter;
}

// Load, Describe, DescribeInContext for every context both sides support; returns the descriptors.
bool describeAll(std::unique_ptr<Effect> &plugin, std::vector<std::unique_ptr<Effect>> &contexts) {
  if (callAction(kOfxActionLoad, nullptr) != kOfxStatOK) return false;
  plugin = newDescriptor("");
  OfxStatus st = callAction(kOfxActionDescribe, plugin.get());
  if (st != kOfxStatOK) return false;
  for (auto &c : plugin->props.getAllS(kOfxImageEffectPropSupportedContexts)) {
    if (!hostSupportsContext(c)) continue;
    auto d = newDescriptor(c);
    PropertySet in("describeInContext");
    in.setS(kOfxImageEffectPropContext, {c});
    if (callAction(kOfxImageEffectActionDescribeInContext, d.get(), &in) != kOfxStatOK) return false;
    contexts.push_back(std::move(d));
  }
  return true;
}

void dumpDescription(const Effect &plugin, const std::vector<std::unique_ptr<Effect>> &contexts) {
  auto join = [](const std::vector<std::string> &v) {
    std::string s;
    for (auto &x : v) s += (s.empty() ? "" : ",") + x;
    return s;
  };
  logLine("DESC_EFFECT label=" + plugin.props.getS(kOfxPropLabel) + " contexts=" +
          join(plugin.props.getAllS(kOfxImageEffectPropSupportedContexts)) + " depths=" +
          join(plugin.props.getAllS(kOfxImageEffectPropSupportedPixelDepths)) +
          " temporal=" + std::to_string(plugin.props.getI(kOfxImageEffectPropTemporalClipAccess)) +
          " threadSafety=" + plugin.props.getS(kOfxImageEffectPluginRenderThreadSafety) +
          " tiles=" + std::to_string(plugin.props.getI(kOfxImageEffectPropSupportsTiles, 0, -1)) +
          " multiRes=" + std::to_string(plugin.props.getI(kOfxImageEffectPropSupportsMultiResolution, 0, -1)));
  for (auto &d : contexts) {
    for (auto &c : d->clips)
      logLine("DESC_CLIP context=" + d->context + " name=" + c->name + " optional=" +
              std::to_string(c->props.getI(kOfxImageClipPropOptional)) + " temporal=" +
              std::to_string(c->props.getI(kOfxImageEffectPropTemporalClipAccess)) + " components=" +
              join(c->props.getAllS(kOfxImageEffectPropSupportedComponents)));
    for (auto &p : d->params.params)
      logLine("DESC_PARAM context=" + d->context + " name=" + p->name + " type=" + p->type + " label=" +
              p->props.getS(kOfxPropLabel) + " secret=" + std::to_string(p->props.getI(kOfxParamPropSecret)) +
              " persistent=" + std::to_string(p->props.getI(kOfxParamPropPersistant, 0, -1)) +
              " animates=" + std::to_string(p->props.getI(kOfxParamPropAnimates, 0, -1)) +
              " stringMode=" + p->props.getS(kOfxParamPropStringMode) +
              " hint=" + escape(p->props.getS(kOfxParamPropHint)));
  }
}

std::unique_ptr<Effect> makeInstance(const Effect &desc, const FrameSource *fg, const FrameSource *bg, const FrameSource *project) {
  auto e = std::make_unique<Effect>();
  e->isDescriptor = false;
  e->context = desc.context;
  e->params.owner = e.get();
  e->props.copyFrom(desc.props);
  e->props.what = "instance";
  e->props.setS(kOfxPropType, {kOfxTypeImageEffectInstance});
  e->props.setP(kOfxPropInstanceData, {nullptr});
  e->props.setD(kOfxImageEffectPropProjectSize, {double(project->width), double(project->height)});
  e->props.setD(kOfxImageEffectPropProjectExtent, {double(project->width), double(project->height)});
  e->props.setD(kOfxImageEffectPropProjectOffset, {0, 0});
  e->props.setD(kOfxImageEffectPropProjectPixelAspectRatio, {1.0});
  e->props.setD(kOfxImageEffectInstancePropEffectDuration, {double(fg ? fg->count : 0)});
  e->props.setD(kOfxImageEffectPropFrameRate, {25.0});
  e->props.setI(kOfxPropIsInteractive, {0});
  for (auto &dc : desc.clips) {
    auto c = std::make_unique<Clip>();
    c->name = dc->name;
    c->owner = e.get();
    c->props.copyFrom(dc->props);
    c->props.what = "clip:" + c->name;
    c->isOutput = c->name == kOfxImageEffectOutputClipName;
    c->source = c->name == "Source" ? fg : c->name == "Background" ? bg : nullptr;
    const FrameSource *shape = c->isOutput ? project : c->source;
    int frames = shape ? shape->count : 0;
    if (c->isOutput && fg) frames = fg->count;
    c->props.setI(kOfxImageClipPropConnected, {c->isOutput || c->source ? 1 : 0});
    c->props.setD(kOfxImageEffectPropFrameRange, {0.0, double(std::max(0, frames - 1))});
    c->props.setD(kOfxImageEffectPropUnmappedFrameRange, {0.0, double(std::max(0, frames - 1))});
    c->props.setD(kOfxImageEffectPropFrameRate, {25.0});
    c->props.setD(kOfxImageEffectPropUnmappedFrameRate, {25.0});
    c->props.setS(kOfxImageEffectPropPixelDepth, {depthName(g_config.depth)});
    c->props.setS(kOfxImageClipPropUnmappedPixelDepth, {depthName(g_config.depth)});
    c->props.setS(kOfxImageEffectPropComponents, {kOfxImageComponentRGBA});
    c->props.setS(kOfxImageClipPropUnmappedComponents, {kOfxImageComponentRGBA});
    c->props.setS(kOfxImageEffectPropPreMultiplication, {kOfxImagePreMultiplied});
    c->props.setD(kOfxImagePropPixelAspectRatio, {1.0});
    c->props.setS(kOfxImageClipPropFieldOrder, {kOfxImageFieldNone});
    c->props.setI(kOfxImageClipPropContinuousSamples, {0});
    e->clips.push_back(std::move(c));
  }
  for (auto &dp : desc.params.params) {
    auto p = newParam(dp->type, dp->name);
    p->owner = e.get();
    p->props.copyFrom(dp->props);
    initParamFromDefault(*p);
    e->params.params.push_back(std::move(p));
  }
  return e;
}

void writeOutput(const Options &o, double time, Image &img) {
  int b[4];
  for (int i = 0; i < 4; ++i) b[i] = img.getI(kOfxImagePropBounds, i);
  int w = b[2] - b[0], h = b[3] - b[1];
  size_t bpp = bytesPerPixel(g_config.depth);
  auto *data = static_cast<unsigned char *>(img.getP(kOfxImagePropData));
  long rowBytes = img.getI(kOfxImagePropRowBytes);
  char name[64];
  std::snprintf(name, sizeof name, "/out_%05ld.rgba", std::lround(time));
  std::string path = o.out + name;
  std::ofstream out(path, std::ios::binary);
  for (int y = h - 1; y >= 0; --y) out.write(reinterpret_cast<char *>(data + y * rowBytes), static_cast<std::streamsize>(w * bpp));
  logLine("OUTPUT time=" + fmtD(time) + " file=" + path + " width=" + std::to_string(w) + " height=" + std::to_string(h) +
          " depth=" + depthName(g_config.depth));
}

// IsIdentity for one render window (copying the clip it names), or GetRegionsOfInterest (with
// --roi-bands) and Render. Returns whether the window was drawn.
bool renderWindow(const Options &o, Effect &inst, double time, double s, const int *window, const int *bounds,
                  Image &outputImage) {
  Image *output = &outputImage;
  t_action.cropToRoi = false;
  t_action.roi.clear();
  PropertySet idIn("isIdentityIn"), idOut("isIdentityOut");
  idIn.setD(kOfxPropTime, {time});
  idIn.setS(kOfxImageEffectPropFieldToRender, {kOfxImageFieldNone});
  idIn.setI(kOfxImageEffectPropRenderWindow, {window[0], window[1], window[2], window[3]});
  idIn.setD(kOfxImageEffectPropRenderScale, {s, s});
  idOut.setS(kOfxPropName, {""});
  idOut.setD(kOfxPropTime, {time});
  t_action.action = kOfxImageEffectActionIsIdentity;
  OfxStatus st = callAction(kOfxImageEffectActionIsIdentity, &inst, &idIn, &idOut);
  bool ok = false;
  if (st == kOfxStatOK) {
    std::string clipName = idOut.getS(kOfxPropName);
    double at = idOut.getD(kOfxPropTime);
    logLine("IDENTITY time=" + fmtD(time) + " clip=" + clipName + " at=" + fmtD(at));
    Clip *c = inst.clip(clipName);
    auto *ies = static_cast<const OfxImageEffectSuiteV1 *>(hostStruct()->fetchSuite(nullptr, kOfxImageEffectSuite, 1));
    OfxPropertySetHandle src = nullptr;
    if (c && ies->clipGetImage(reinterpret_cast<OfxImageClipHandle>(c), at, nullptr, &src) == kOfxStatOK) {
      auto *img = static_cast<Image *>(fromHandle(src));
      size_t bpp = bytesPerPixel(g_config.depth);
      int sb[4];
      for (int i = 0; i < 4; ++i) sb[i] = img->getI(kOfxImagePropBounds, i);
      for (int y = std::max(window[1], sb[1]); y < std::min(window[3], sb[3]); ++y)
        for (int x = std::max(window[0], sb[0]); x < std::min(window[2], sb[2]); ++x) {
          auto *from = static_cast<unsigned char *>(img->getP(kOfxImagePropData)) + (y - sb[1]) * long(img->getI(kOfxImagePropRowBytes)) + (x - sb[0]) * long(bpp);
          auto *to = static_cast<unsigned char *>(output->getP(kOfxImagePropData)) + (y - bounds[1]) * long(output->getI(kOfxImagePropRowBytes)) + (x - bounds[0]) * long(bpp);
          std::memcpy(to, from, bpp);
        }
      ies->clipReleaseImage(src);
      ok = true;
    }
  } else {
    if (o.bands > 0) {
      PropertySet roiIn("roiIn"), roiOut("roiOut");
      double roi[4] = {window[0] / s, window[1] / s, window[2] / s, window[3] / s};
      roiIn.setD(kOfxPropTime, {time});
      roiIn.setD(kOfxImageEffectPropRenderScale, {s, s});
      roiIn.setD(kOfxImageEffectPropRegionOfInterest, {roi[0], roi[1], roi[2], roi[3]});
      std::string line = "ROI time=" + fmtD(time) + " window=" + std::to_string(window[0]) + "," +
                         std::to_string(window[1]) + "," + std::to_string(window[2]) + "," + std::to_string(window[3]);
      for (auto &c : inst.clips) // default: the region asked for, for every input (as HostSupport does)
        if (!c->isOutput) roiOut.setD("OfxImageClipPropRoI_" + c->name, {roi[0], roi[1], roi[2], roi[3]});
      t_action.action = kOfxImageEffectActionGetRegionsOfInterest;
      OfxStatus rs = callAction(kOfxImageEffectActionGetRegionsOfInterest, &inst, &roiIn, &roiOut);
      for (auto &c : inst.clips) {
        if (c->isOutput) continue;
        auto r = roiOut.getAllD("OfxImageClipPropRoI_" + c->name);
        if (r.size() != 4) continue;
        t_action.roi[c->name] = OfxRectD{r[0], r[1], r[2], r[3]};
        line += " " + c->name + "=" + fmtD(r[0]) + "," + fmtD(r[1]) + "," + fmtD(r[2]) + "," + fmtD(r[3]);
      }
      logLine(line + " status=" + std::to_string(rs));
      t_action.cropToRoi = true;
    }
    PropertySet in("renderIn");
    in.setD(kOfxPropTime, {time});
    in.setS(kOfxImageEffectPropFieldToRender, {kOfxImageFieldNone});
    in.setI(kOfxImageEffectPropRenderWindow, {window[0], window[1], window[2], window[3]});
    in.setD(kOfxImageEffectPropRenderScale, {s, s});
    in.setI(kOfxImageEffectPropSequentialRenderStatus, {0});
    in.setI(kOfxImageEffectPropInteractiveRenderStatus, {0});
    in.setI("OfxImageEffectPropRenderQualityDraft", {0});
    t_action.action = kOfxImageEffectActionRender;
    t_action.output = output;
    st = callAction(kOfxImageEffectActionRender, &inst, &in);
    t_action.output = nullptr;
    logLine("RENDER time=" + fmtD(time) + " status=" + std::to_string(st) + " thread=" + std::to_string(hostThreadId()));
    ok = st == kOfxStatOK;
  }
  t_action.cropToRoi = false;
  t_action.roi.clear();
  return ok;
}

void renderOne(const Options &o, Effect &inst, double time) {
  const double s = o.scale;
  t_action = ThreadAction{};
  t_action.renderScale[0] = t_action.renderScale[1] = s;

  PropertySet rodIn("rodIn"), rodOut("rodOut");
  rodIn.setD(kOfxPropTime, {time});
  rodIn.setD(kOfxImageEffectPropRenderScale, {s, s});
  rodOut.setD(kOfxImageEffectPropRegionOfDefinition, {0, 0, 0, 0});
  t_action.action = kOfxImageEffectActionGetRegionOfDefinition;
  OfxStatus st = callAction(kOfxImageEffectActionGetRegionOfDefinition, &inst, &rodIn, &rodOut);
  OfxRectD rod{};
  if (st == kOfxStatOK) {
    auto r = rodOut.getAllD(kOfxImageEffectPropRegionOfDefinition);
    rod = {r[0], r[1], r[2], r[3]};
  } else {
    // default: the output clip's region
    auto *ies = static_cast<const OfxImageEffectSuiteV1 *>(hostStruct()->fetchSuite(nullptr, kOfxImageEffectSuite, 1));
    ies->clipGetRegionOfDefinition(reinterpret_cast<OfxImageClipHandle>(inst.clip(kOfxImageEffectOutputClipName)), time, &rod);
  }
  logLine("ROD time=" + fmtD(time) + " rect=" + fmtD(rod.x1) + "," + fmtD(rod.y1) + "," + fmtD(rod.x2) + "," + fmtD(rod.y2) +
          " status=" + std::to_string(st));
  int bounds[4] = {int(std::floor(rod.x1 * s)), int(std::floor(rod.y1 * s)), int(std::ceil(rod.x2 * s)), int(std::ceil(rod.y2 * s))};
  int window[4] = {bounds[0], bounds[1], bounds[2], bounds[3]};
  if (o.hasWindow) {
    window[0] = std::max(bounds[0], o.window[0]);
    window[1] = std::max(bounds[1], o.window[1]);
    window[2] = std::min(bounds[2], o.window[2]);
    window[3] = std::min(bounds[3], o.window[3]);
  }

  PropertySet fnIn("framesNeededIn"), fnOut("framesNeededOut");
  fnIn.setD(kOfxPropTime, {time});
  for (auto &c : inst.clips) // defaults [t, t] for every connected input
    if (!c->isOutput && c->source) fnOut.setD(std::string(kOfxImageClipPropFrameRangePrefix) + c->name, {time, time});
  t_action.action = kOfxImageEffectActionGetFramesNeeded;
  st = callAction(kOfxImageEffectActionGetFramesNeeded, &inst, &fnIn, &fnOut);
  std::string needed = "FRAMES_NEEDED time=" + fmtD(time);
  for (auto &c : inst.clips) {
    if (c->isOutput || !fnOut.has(std::string(kOfxImageClipPropFrameRangePrefix) + c->name)) continue;
    auto r = fnOut.getAllD(std::string(kOfxImageClipPropFrameRangePrefix) + c->name);
    needed += " " + c->name + "=";
    for (size_t i = 0; i < r.size(); ++i) needed += (i ? "," : "") + fmtD(r[i]);
  }
  logLine(needed + " status=" + std::to_string(st));

  auto output = std::make_unique<Image>();
  {
    double scale[2] = {s, s};
    int b[4] = {bounds[0], bounds[1], bounds[2], bounds[3]};
    fillOutputImage(*output, b, scale, time);
  }

  std::vector<std::array<int, 4>> windows;
  if (o.bands > 0) { // horizontal bands, top first, like hosts that render in strips
    int h = window[3] - window[1];
    for (int b = 0; b < o.bands; ++b) {
      int y2 = window[3] - h * b / o.bands, y1 = window[3] - h * (b + 1) / o.bands;
      if (y2 > y1) windows.push_back({window[0], y1, window[2], y2});
    }
  } else {
    windows.push_back({window[0], window[1], window[2], window[3]});
  }
  bool ok = true;
  for (auto &w : windows) ok = renderWindow(o, inst, time, s, w.data(), bounds, *output) && ok;
  t_action.action = "none";
  if (ok && !o.out.empty()) writeOutput(o, time, *output);
}

} // namespace

namespace testhost {
// The output image the host allocates for one render: whole output region at render scale.
void fillOutputImage(Image &img, const int bounds[4], const double scale[2], double time) {
  allocateImage(img, bounds, scale, "output@" + fmtD(time), "output@" + fmtD(time));
}
} // namespace testhost

int main(int argc, char **argv) {
  Options o = parse(argc, argv);
  if (!o.log.empty()) {
    g_log = std::fopen(o.log.c_str(), "w");
    if (!g_log) usage("cannot write log " + o.log);
  }
  if (!o.out.empty()) mkdir(o.out.c_str(), 0755);
  hostThreadId(); // main thread is host thread 0
  initHostProperties();
  setPropertyErrorLogger(&logLine);
  g_callPlugin = callPlugin;

  FrameSource fg, bg;
  bool hasFg = makeSource(o.fgSpec, 0, o.fgW, o.fgH, fg);
  bool hasBg = makeSource(o.bgSpec, 1, o.bgW, o.bgH, bg);
  if (!hasFg) { // Source is mandatory; a default pattern keeps describe-only runs short to type
    makeSource("pattern:10", 0, o.fgW, o.fgH, fg);
  }
  g_config.timeBounds[0] = 0;
  g_config.timeBounds[1] = fg.count - 1;

  Binary bin = openBinary(o);
  g_plugin = bin.plugin;

  if (o.cycleLoad) { // what hosts do while scanning plugins
    std::unique_ptr<Effect> scanned;
    std::vector<std::unique_ptr<Effect>> scannedContexts;
    bool ok = describeAll(scanned, scannedContexts);
    logLine(std::string("SCAN ") + (ok ? "ok" : "failed"));
    callAction(kOfxActionUnload, nullptr);
    if (!ok) return 1;
    if (o.reopen) {
      dlclose(bin.dl);
      logLine("DLCLOSE");
      bin = openBinary(o);
      g_plugin = bin.plugin;
    }
  }

  std::unique_ptr<Effect> desc;
  std::vector<std::unique_ptr<Effect>> contexts;
  if (!describeAll(desc, contexts)) {
    logLine("DESCRIBE_FAILED");
    return 1;
  }
  dumpDescription(*desc, contexts);
  if (o.describeOnly) {
    callAction(kOfxActionUnload, nullptr);
    logLine("LIVE_IMAGES count=" + std::to_string(g_liveImages.load()));
    logLine("DONE");
    return 0;
  }
  Effect *ctx = nullptr;
  for (auto &c : contexts)
    if (c->context == o.context) ctx = c.get();
  if (!ctx) {
    logLine("CONTEXT_NOT_SUPPORTED " + o.context);
    return 1;
  }

  auto inst = makeInstance(*ctx, &fg, hasBg ? &bg : nullptr, hasBg ? &bg : &fg);
  OfxStatus st = callAction(kOfxActionCreateInstance, inst.get());
  if (st != kOfxStatOK && st != kOfxStatReplyDefault) {
    logLine("CREATE_INSTANCE_FAILED");
    return 1;
  }
  {
    PropertySet out("clipPreferences");
    out.setD(kOfxImageEffectPropFrameRate, {25.0});
    out.setS(kOfxImageEffectPropPreMultiplication, {kOfxImagePreMultiplied});
    out.setI(kOfxImageClipPropContinuousSamples, {0});
    out.setI("OfxImageEffectFrameVarying", {1});
    for (auto &c : inst->clips) {
      out.setS("OfxImageClipPropComponents_" + c->name, {kOfxImageComponentRGBA});
      out.setS("OfxImageClipPropDepth_" + c->name, {depthName(g_config.depth)});
      out.setD("OfxImageClipPropPAR_" + c->name, {1.0});
    }
    callAction(kOfxImageEffectActionGetClipPreferences, inst.get(), nullptr, &out);
  }
  if (o.context == kOfxImageEffectContextGeneral) {
    PropertySet out("timeDomain");
    out.setD(kOfxImageEffectPropFrameRange, {0.0, double(fg.count - 1)});
    st = callAction(kOfxImageEffectActionGetTimeDomain, inst.get(), nullptr, &out);
    logLine("TIME_DOMAIN range=" + fmtD(out.getD(kOfxImageEffectPropFrameRange, 0)) + "," +
            fmtD(out.getD(kOfxImageEffectPropFrameRange, 1)) + " status=" + std::to_string(st));
  }

  for (auto &[kind, text] : o.edits) { // what a user does in the UI, in order
    if (kind == 's') {
      auto eq = text.find('=');
      Param *p = eq == std::string::npos ? nullptr : inst->params.find(text.substr(0, eq));
      if (!p || !setParamFromText(*p, text.substr(eq + 1))) {
        logLine("SET_FAILED " + text);
        return 2;
      }
      logLine("USER_SET name=" + p->name + " value=" + paramValueText(*p, g_config.currentTime));
      notifyInstanceChanged(inst.get(), p->name, kOfxChangeUserEdited);
    } else {
      if (!inst->params.find(text)) {
        logLine("PRESS_UNKNOWN " + text);
        return 2;
      }
      logLine("PRESS name=" + text);
      notifyInstanceChanged(inst.get(), text, kOfxChangeUserEdited);
    }
  }

  if (!o.renders.empty()) {
    PropertySet seq("sequenceRender");
    double lo = *std::min_element(o.renders.begin(), o.renders.end());
    double hi = *std::max_element(o.renders.begin(), o.renders.end());
    seq.setD(kOfxImageEffectPropFrameRange, {lo, hi});
    seq.setD(kOfxImageEffectPropFrameStep, {1.0});
    seq.setI(kOfxPropIsInteractive, {0});
    seq.setD(kOfxImageEffectPropRenderScale, {o.scale, o.scale});
    seq.setI(kOfxImageEffectPropSequentialRenderStatus, {0});
    seq.setI(kOfxImageEffectPropInteractiveRenderStatus, {0});
    callAction(kOfxImageEffectActionBeginSequenceRender, inst.get(), &seq);
    // Host threads (not created by the JVM) start together so that renders really overlap.
    std::mutex m;
    std::condition_variable cv;
    int waiting = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < o.threads; ++t) {
      threads.emplace_back([&, t] {
        {
          std::unique_lock l(m);
          if (++waiting == o.threads) cv.notify_all();
          else cv.wait(l, [&] { return waiting == o.threads; });
        }
        for (size_t i = t; i < o.renders.size(); i += o.threads) renderOne(o, *inst, o.renders[i]);
      });
    }
    for (auto &t : threads) t.join();
    callAction(kOfxImageEffectActionEndSequenceRender, inst.get(), &seq);
  }

  callAction(kOfxActionSyncPrivateData, inst.get());
  for (auto &p : inst->params.params) {
    if (p->dims == 0 && !p->isString) continue;
    logLine("PARAM name=" + p->name + " value=" + paramValueText(*p, g_config.currentTime) + " keys=" +
            std::to_string(paramKeyCount(*p)));
  }
  callAction(kOfxActionDestroyInstance, inst.get());
  callAction(kOfxActionUnload, nullptr);
  logLine("LIVE_IMAGES count=" + std::to_string(g_liveImages.load()));
  logLine("DONE");
  if (g_log) std::fclose(g_log);
  return 0;
}
