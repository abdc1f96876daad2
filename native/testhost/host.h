// The headless OpenFX test host: shared state between its files.
#pragma once

#include "props.h"

#include <atomic>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace testhost {

// ------------------------------------------------------------------ log

void logLine(const std::string &line); // to the --log file (if any) and, with --verbose, stderr
std::string fmtD(double v);

// ------------------------------------------------------------------ frames

enum class Depth { Byte, Short, Float };
const char *depthName(Depth d);
size_t bytesPerPixel(Depth d);

// One input: a directory of raw frames or a generated pattern; frames are RGBA float, top row first.
struct FrameSource {
  std::string dir;   // empty: generated pattern
  int clipId = 0;    // pattern flavour: 0 = foreground, 1 = background
  int width = 0, height = 0, count = 0;
  bool frame(int index, std::vector<float> &rgbaTopDown) const;
};

// ------------------------------------------------------------------ effect objects

struct Effect;

struct Image : PropertySet {
  std::vector<unsigned char> buffer;
  Image() : PropertySet("image") {}
};

struct Clip {
  std::string name;
  PropertySet props{"clip"};
  Effect *owner = nullptr;
  const FrameSource *source = nullptr; // null: not connected (or Output)
  bool isOutput = false;
};

struct Param {
  std::string name, type;
  Effect *owner = nullptr;
  PropertySet props{"param"};
  std::mutex mutex;
  int dims = 1;
  bool isString = false, isInt = false;
  std::vector<double> value;
  std::string str;
  std::map<double, std::vector<double>> keys;
  std::map<double, std::string> strKeys;
};

struct ParamSet {
  PropertySet props{"paramSet"};
  std::vector<std::unique_ptr<Param>> params;
  Effect *owner = nullptr;
  std::mutex editMutex;
  int editDepth = 0;
  Param *find(const std::string &name) {
    for (auto &p : params)
      if (p->name == name) return p.get();
    return nullptr;
  }
};

struct Effect {
  bool isDescriptor = true;
  std::string context;
  PropertySet props{"effect"};
  ParamSet params;
  std::vector<std::unique_ptr<Clip>> clips;
  Clip *clip(const std::string &name) {
    for (auto &c : clips)
      if (c->name == name) return c.get();
    return nullptr;
  }
};

// Per-thread: what the host is doing, for logging, clipGetImage(Output) and render-scale images.
struct ThreadAction {
  const char *action = "none";
  double renderScale[2] = {1, 1};
  Image *output = nullptr;
  // --roi-bands: input images hold only the clip's region of interest (canonical), as the plugin
  // answered GetRegionsOfInterest for the band being rendered
  bool cropToRoi = false;
  std::map<std::string, OfxRectD> roi;
};
extern thread_local ThreadAction t_action;

// ------------------------------------------------------------------ host services

struct HostConfig {
  Depth depth = Depth::Byte;
  bool negativeRowBytes = false;
  int rowPad = 0; // extra bytes at the end of every row
  int cancelAfter = 0; // progressUpdate answers ReplyNo from this update on (0: never)
  double currentTime = 0;
  double timeBounds[2] = {0, 0};
  bool keysMissing = false;                            // key functions answer kOfxStatErrMissingHostFeature
  std::string failSet;                                 // paramSetValue on this parameter fails
  std::vector<std::pair<std::string, double>> emptyImages; // clip@time served as 0x0 with NULL data
};
extern HostConfig g_config;

OfxHost *hostStruct();
void initHostProperties();

// Calls the plugin; logs "ACTION name status=N". Set by main once the plugin is open.
extern std::function<OfxStatus(const char *, const void *, PropertySet *, PropertySet *)> g_callPlugin;

// Parameters: create, copy descriptor -> instance, set from the "UI", describe as text.
std::unique_ptr<Param> newParam(const std::string &type, const std::string &name);
void initParamFromDefault(Param &p);
bool setParamFromText(Param &p, const std::string &text);
std::string paramValueText(Param &p, double time);
// A parameter's value at time t, the one rule for the suite and the log; caller holds p.mutex. Doubles
// interpolate linearly between keys, integers and booleans hold the key before t, strings hold.
std::vector<double> valueAt(const Param &p, double t);
std::string stringAt(const Param &p, double t);
size_t paramKeyCount(Param &p);
void notifyInstanceChanged(Effect *effect, const std::string &paramName, const char *reason);

extern std::atomic<int> g_liveImages;

// The output image the host hands out for one render (whole output region at render scale).
void fillOutputImage(Image &img, const int bounds[4], const double scale[2], double time);
void allocateImage(Image &img, const int bounds[4], const double scale[2], const std::string &what,
                   const std::string &uid);

} // namespace testhost
