// VidkompyAlign.ofx - the OpenFX shell.
//
// Deliberately thin: it declares one plugin, starts (or finds) the process's single JVM on Load,
// attaches host threads on demand and forwards every action, unchanged, to
//   static int org.vidkompy.ofx.OfxEntry.dispatch(String action, long handle, long inArgs, long outArgs)
// after handing the OfxHost pointer over once per Load with
//   static void org.vidkompy.ofx.OfxEntry.setHost(long ofxHost)
// No image processing or parameter logic lives here.

#include "ofx_abi.h"

#include <jni.h>

#include <dirent.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#define OFX_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

// Plugin identity. Bump the major version only when saved projects can no longer be read
// (parameter names or meanings change); bump the minor version for compatible changes.
constexpr const char *kPluginIdentifier = "org.vidkompy.AlignOverlay";
constexpr unsigned kPluginVersionMajor = 0;
constexpr unsigned kPluginVersionMinor = 1;

constexpr const char *kEntryClass = "org/vidkompy/ofx/OfxEntry";
constexpr jint kJniVersion = JNI_VERSION_1_8;

using CreateJavaVmFn = jint(JNICALL *)(JavaVM **, void **, void *);
using GetCreatedJavaVmsFn = jint(JNICALL *)(JavaVM **, jsize, jsize *);

OfxHost *g_host = nullptr; // owned by the host; valid while the binary is loaded

std::mutex g_jvmMutex; // guards JVM creation and the cached JNI ids below
JavaVM *g_vm = nullptr;
jclass g_entryClass = nullptr; // global ref
jmethodID g_dispatch = nullptr;
jmethodID g_setHost = nullptr;

// Detaches host threads we attached when they end. Threads that were already attached (e.g. the
// one that created the JVM) are left alone.
struct ThreadAttachment {
  bool attachedByUs = false;
  ~ThreadAttachment() {
    if (attachedByUs && g_vm != nullptr) {
      g_vm->DetachCurrentThread();
    }
  }
};
thread_local ThreadAttachment t_attachment;

void report(const std::string &text) {
  std::fprintf(stderr, "vidkompy-ofx: %s\n", text.c_str());
  if (g_host == nullptr || g_host->fetchSuite == nullptr) {
    return;
  }
  auto *messages =
      static_cast<const OfxMessageSuiteV1 *>(g_host->fetchSuite(g_host->host, kOfxMessageSuite, 1));
  if (messages != nullptr && messages->message != nullptr) {
    // Text is never used as the format.
    messages->message(nullptr, kOfxMessageError, kPluginIdentifier, "%s", text.c_str());
  }
}

std::string dirName(const std::string &path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// <bundle>/Contents, found from the path of this very .ofx (<bundle>/Contents/Linux-x86-64/X.ofx).
std::string contentsDir() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void *>(&report), &info) == 0 || info.dli_fname == nullptr) {
    return {};
  }
  char resolved[PATH_MAX];
  std::string binary = realpath(info.dli_fname, resolved) != nullptr ? resolved : info.dli_fname;
  return dirName(dirName(binary));
}

std::string classPath(const std::string &resources) {
  std::vector<std::string> jars;
  if (DIR *dir = opendir(resources.c_str())) {
    while (dirent *entry = readdir(dir)) {
      std::string name = entry->d_name;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".jar") == 0) {
        jars.push_back(resources + "/" + name);
      }
    }
    closedir(dir);
  }
  std::sort(jars.begin(), jars.end());
  std::string joined;
  for (const auto &jar : jars) {
    joined += (joined.empty() ? "" : ":") + jar;
  }
  return joined;
}

// libjvm lookup order: a runtime inside the bundle, then JAVA_HOME, then the system default.
void *openLibjvm(const std::string &contents, std::string &tried) {
  std::vector<std::string> candidates;
  candidates.push_back(contents + "/Resources/runtime/lib/server/libjvm.so");
  if (const char *javaHome = getenv("JAVA_HOME"); javaHome != nullptr && *javaHome != '\0') {
    candidates.push_back(std::string(javaHome) + "/lib/server/libjvm.so");
    candidates.push_back(std::string(javaHome) + "/jre/lib/amd64/server/libjvm.so");
  }
  candidates.push_back("libjvm.so"); // LD_LIBRARY_PATH, ld.so.cache
  char resolved[PATH_MAX];
  if (realpath("/usr/bin/java", resolved) != nullptr) { // .../bin/java -> .../lib/server
    candidates.push_back(dirName(dirName(resolved)) + "/lib/server/libjvm.so");
  }
  candidates.push_back("/usr/lib/jvm/default-java/lib/server/libjvm.so");
  for (const auto &candidate : candidates) {
    if (void *lib = dlopen(candidate.c_str(), RTLD_NOW | RTLD_GLOBAL)) {
      return lib;
    }
    tried += "\n  " + candidate;
  }
  return nullptr;
}

std::vector<std::string> splitOptions(const char *text) {
  std::vector<std::string> out;
  if (text != nullptr) {
    std::istringstream in(text);
    for (std::string word; in >> word;) {
      out.push_back(word);
    }
  }
  return out;
}

// Caller holds g_jvmMutex.
bool ensureJvmLocked() {
  if (g_vm != nullptr) {
    return true;
  }
  const std::string contents = contentsDir();
  std::string tried;
  void *libjvm = openLibjvm(contents, tried);
  if (libjvm == nullptr) {
    report("no Java runtime found; tried:" + tried);
    return false;
  }
  // One JVM per process: a previous load of this binary (or the host itself) may have made it.
  auto getCreated = reinterpret_cast<GetCreatedJavaVmsFn>(dlsym(libjvm, "JNI_GetCreatedJavaVMs"));
  auto create = reinterpret_cast<CreateJavaVmFn>(dlsym(libjvm, "JNI_CreateJavaVM"));
  if (getCreated == nullptr || create == nullptr) {
    report("libjvm lacks the JNI invocation API");
    return false;
  }
  JavaVM *existing = nullptr;
  jsize count = 0;
  if (getCreated(&existing, 1, &count) == JNI_OK && count > 0) {
    g_vm = existing;
    return true;
  }

  const std::string resources = contents + "/Resources";
  std::vector<std::string> options = {
      "-Djava.class.path=" + classPath(resources),
      "-Xrs", // leave the host's signal handlers alone
      "-Djava.awt.headless=true",
      "-Dvidkompy.ofx.bundle=" + dirName(contents),
  };
  for (auto &extra : splitOptions(getenv("VIDKOMPY_JVM_OPTIONS"))) {
    options.push_back(extra);
  }
  std::vector<JavaVMOption> jvmOptions(options.size());
  for (size_t i = 0; i < options.size(); ++i) {
    jvmOptions[i].optionString = const_cast<char *>(options[i].c_str());
    jvmOptions[i].extraInfo = nullptr;
  }
  JavaVMInitArgs args{};
  args.version = kJniVersion;
  args.nOptions = static_cast<jint>(jvmOptions.size());
  args.options = jvmOptions.data();
  args.ignoreUnrecognized = JNI_FALSE;
  JNIEnv *env = nullptr;
  jint rc = create(&g_vm, reinterpret_cast<void **>(&env), &args);
  if (rc != JNI_OK) {
    g_vm = nullptr;
    report("JNI_CreateJavaVM failed with code " + std::to_string(rc));
    return false;
  }
  return true; // never destroyed: HotSpot cannot be created twice in one process
}

JNIEnv *currentEnv() {
  JNIEnv *env = nullptr;
  jint rc = g_vm->GetEnv(reinterpret_cast<void **>(&env), kJniVersion);
  if (rc == JNI_OK) {
    return env;
  }
  if (rc != JNI_EDETACHED) {
    return nullptr;
  }
  JavaVMAttachArgs args{kJniVersion, const_cast<char *>("ofx-host-thread"), nullptr};
  if (g_vm->AttachCurrentThreadAsDaemon(reinterpret_cast<void **>(&env), &args) != JNI_OK) {
    return nullptr;
  }
  t_attachment.attachedByUs = true;
  return env;
}

// Turns a pending Java exception into text and clears it.
std::string takeException(JNIEnv *env) {
  jthrowable thrown = env->ExceptionOccurred();
  env->ExceptionClear();
  std::string text = "Java exception";
  if (thrown == nullptr) {
    return text;
  }
  jclass objectClass = env->FindClass("java/lang/Object");
  jmethodID toString = objectClass ? env->GetMethodID(objectClass, "toString", "()Ljava/lang/String;") : nullptr;
  if (toString != nullptr) {
    auto message = static_cast<jstring>(env->CallObjectMethod(thrown, toString));
    if (!env->ExceptionCheck() && message != nullptr) {
      const char *chars = env->GetStringUTFChars(message, nullptr);
      if (chars != nullptr) {
        text = chars;
        env->ReleaseStringUTFChars(message, chars);
      }
    }
    env->ExceptionClear();
  }
  return text;
}

// Caller holds g_jvmMutex.
bool resolveEntryLocked(JNIEnv *env) {
  if (g_entryClass != nullptr) {
    return true;
  }
  jclass local = env->FindClass(kEntryClass);
  if (local == nullptr) {
    report("cannot load " + std::string(kEntryClass) + ": " + takeException(env));
    return false;
  }
  jmethodID dispatch = env->GetStaticMethodID(local, "dispatch", "(Ljava/lang/String;JJJ)I");
  jmethodID setHost = dispatch ? env->GetStaticMethodID(local, "setHost", "(J)V") : nullptr;
  if (dispatch == nullptr || setHost == nullptr) {
    report("OfxEntry lacks dispatch/setHost: " + takeException(env));
    return false;
  }
  g_entryClass = static_cast<jclass>(env->NewGlobalRef(local));
  env->DeleteLocalRef(local);
  g_dispatch = dispatch;
  g_setHost = setHost;
  return true;
}

jlong address(const void *p) { return static_cast<jlong>(reinterpret_cast<intptr_t>(p)); }

OfxStatus forward(JNIEnv *env, const char *action, const void *handle, OfxPropertySetHandle inArgs,
                  OfxPropertySetHandle outArgs) {
  if (env->PushLocalFrame(8) != JNI_OK) {
    env->ExceptionClear();
    return kOfxStatErrMemory;
  }
  jstring name = env->NewStringUTF(action);
  jint status = kOfxStatErrMemory;
  if (name != nullptr) {
    status = env->CallStaticIntMethod(g_entryClass, g_dispatch, name, address(handle), address(inArgs),
                                      address(outArgs));
  }
  if (env->ExceptionCheck()) { // OfxEntry catches everything; this is the last line of defence
    report(std::string(action) + ": " + takeException(env));
    status = kOfxStatFailed;
  }
  env->PopLocalFrame(nullptr);
  return status;
}

OfxStatus load(const char *action, const void *handle, OfxPropertySetHandle inArgs, OfxPropertySetHandle outArgs) {
  JNIEnv *env = nullptr;
  {
    std::lock_guard<std::mutex> lock(g_jvmMutex);
    if (!ensureJvmLocked() || (env = currentEnv()) == nullptr || !resolveEntryLocked(env)) {
      return kOfxStatFailed;
    }
  }
  env->CallStaticVoidMethod(g_entryClass, g_setHost, address(g_host));
  if (env->ExceptionCheck()) {
    report("OfxEntry.setHost: " + takeException(env));
    return kOfxStatFailed;
  }
  return forward(env, action, handle, inArgs, outArgs);
}

OfxStatus mainEntry(const char *action, const void *handle, OfxPropertySetHandle inArgs,
                    OfxPropertySetHandle outArgs) {
  if (action == nullptr) {
    return kOfxStatErrBadHandle;
  }
  if (std::strcmp(action, kOfxActionLoad) == 0) {
    return load(action, handle, inArgs, outArgs);
  }
  if (g_vm == nullptr || g_entryClass == nullptr) {
    return kOfxStatFailed; // Load failed or never happened
  }
  JNIEnv *env = currentEnv();
  if (env == nullptr) {
    report("cannot attach host thread to the JVM");
    return kOfxStatFailed;
  }
  return forward(env, action, handle, inArgs, outArgs); // Unload included: the JVM stays
}

void setHost(OfxHost *host) { g_host = host; }

OfxPlugin g_plugin = {
    kOfxImageEffectPluginApi, kOfxImageEffectPluginApiVersion, kPluginIdentifier, kPluginVersionMajor,
    kPluginVersionMinor,      &setHost,                        &mainEntry,
};

} // namespace

OFX_EXPORT OfxStatus OfxSetHost(const OfxHost *host) {
  g_host = const_cast<OfxHost *>(host);
  return kOfxStatOK;
}

OFX_EXPORT int OfxGetNumberOfPlugins(void) { return 1; }

OFX_EXPORT OfxPlugin *OfxGetPlugin(int nth) { return nth == 0 ? &g_plugin : nullptr; }
