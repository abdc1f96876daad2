/*
 * ofx_abi.h - vidkompy's own declaration of the part of the OpenFX C ABI it uses.
 *
 * Written from the OpenFX 1.5 specification facts (struct layouts, suite function orders,
 * string values); no header from the OpenFX distribution is included or copied. Layouts are
 * for LP64 (x86-64 Linux); static_asserts below pin the sizes and offsets we rely on.
 *
 * Macro names follow the specification so code reads like any other OFX code; the string
 * values are what crosses the ABI. Where a macro name and its value differ, the line says so.
 */
#ifndef VIDKOMPY_OFX_ABI_H
#define VIDKOMPY_OFX_ABI_H

#include <limits.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- basic types */

typedef int OfxStatus;
typedef double OfxTime; /* frames, not seconds */

typedef struct OfxPropertySetStruct *OfxPropertySetHandle;
typedef struct OfxImageEffectStruct *OfxImageEffectHandle;
typedef struct OfxImageClipStruct *OfxImageClipHandle;
typedef struct OfxParamSetStruct *OfxParamSetHandle;
typedef struct OfxParamStruct *OfxParamHandle;
typedef struct OfxImageMemoryStruct *OfxImageMemoryHandle;
typedef struct OfxMutex *OfxMutexHandle;

typedef struct OfxRectI { int x1, y1, x2, y2; } OfxRectI; /* half-open: x1 <= x < x2 */
typedef struct OfxRectD { double x1, y1, x2, y2; } OfxRectD;
typedef struct OfxPointI { int x, y; } OfxPointI;
typedef struct OfxPointD { double x, y; } OfxPointD;
typedef struct OfxRangeI { int min, max; } OfxRangeI;
typedef struct OfxRangeD { double min, max; } OfxRangeD;

#define kOfxFlagInfiniteMin INT_MIN
#define kOfxFlagInfiniteMax INT_MAX

/* ---------------------------------------------------------------- status codes */

#define kOfxStatOK 0
#define kOfxStatFailed 1
#define kOfxStatErrFatal 2
#define kOfxStatErrUnknown 3
#define kOfxStatErrMissingHostFeature 4
#define kOfxStatErrUnsupported 5
#define kOfxStatErrExists 6
#define kOfxStatErrFormat 7
#define kOfxStatErrMemory 8
#define kOfxStatErrBadHandle 9
#define kOfxStatErrBadIndex 10
#define kOfxStatErrValue 11
#define kOfxStatReplyYes 12
#define kOfxStatReplyNo 13
#define kOfxStatReplyDefault 14

/* ---------------------------------------------------------------- host and plugin */

typedef struct OfxHost {
  OfxPropertySetHandle host; /* host descriptor properties */
  const void *(*fetchSuite)(OfxPropertySetHandle host, const char *suiteName, int suiteVersion);
} OfxHost;

typedef OfxStatus(OfxPluginEntryPoint)(const char *action, const void *handle,
                                        OfxPropertySetHandle inArgs, OfxPropertySetHandle outArgs);

typedef struct OfxPlugin {
  const char *pluginApi; /* kOfxImageEffectPluginApi */
  int apiVersion;        /* 1 */
  const char *pluginIdentifier;
  unsigned int pluginVersionMajor;
  unsigned int pluginVersionMinor;
  void (*setHost)(OfxHost *host); /* must only store the pointer */
  OfxPluginEntryPoint *mainEntry;
} OfxPlugin;

#define kOfxImageEffectPluginApi "OfxImageEffectPluginAPI"
#define kOfxImageEffectPluginApiVersion 1

/* ---------------------------------------------------------------- suites */

#define kOfxPropertySuite "OfxPropertySuite"
typedef struct OfxPropertySuiteV1 {
  OfxStatus (*propSetPointer)(OfxPropertySetHandle, const char *, int, void *);
  OfxStatus (*propSetString)(OfxPropertySetHandle, const char *, int, const char *);
  OfxStatus (*propSetDouble)(OfxPropertySetHandle, const char *, int, double);
  OfxStatus (*propSetInt)(OfxPropertySetHandle, const char *, int, int);
  OfxStatus (*propSetPointerN)(OfxPropertySetHandle, const char *, int, void *const *);
  OfxStatus (*propSetStringN)(OfxPropertySetHandle, const char *, int, const char *const *);
  OfxStatus (*propSetDoubleN)(OfxPropertySetHandle, const char *, int, const double *);
  OfxStatus (*propSetIntN)(OfxPropertySetHandle, const char *, int, const int *);
  OfxStatus (*propGetPointer)(OfxPropertySetHandle, const char *, int, void **);
  OfxStatus (*propGetString)(OfxPropertySetHandle, const char *, int, char **);
  OfxStatus (*propGetDouble)(OfxPropertySetHandle, const char *, int, double *);
  OfxStatus (*propGetInt)(OfxPropertySetHandle, const char *, int, int *);
  OfxStatus (*propGetPointerN)(OfxPropertySetHandle, const char *, int, void **);
  OfxStatus (*propGetStringN)(OfxPropertySetHandle, const char *, int, char **);
  OfxStatus (*propGetDoubleN)(OfxPropertySetHandle, const char *, int, double *);
  OfxStatus (*propGetIntN)(OfxPropertySetHandle, const char *, int, int *);
  OfxStatus (*propReset)(OfxPropertySetHandle, const char *);
  OfxStatus (*propGetDimension)(OfxPropertySetHandle, const char *, int *count);
} OfxPropertySuiteV1;

#define kOfxImageEffectSuite "OfxImageEffectSuite"
typedef struct OfxImageEffectSuiteV1 {
  OfxStatus (*getPropertySet)(OfxImageEffectHandle, OfxPropertySetHandle *);
  OfxStatus (*getParamSet)(OfxImageEffectHandle, OfxParamSetHandle *);
  OfxStatus (*clipDefine)(OfxImageEffectHandle, const char *name, OfxPropertySetHandle *);
  OfxStatus (*clipGetHandle)(OfxImageEffectHandle, const char *name, OfxImageClipHandle *,
                             OfxPropertySetHandle * /* nullable */);
  OfxStatus (*clipGetPropertySet)(OfxImageClipHandle, OfxPropertySetHandle *);
  OfxStatus (*clipGetImage)(OfxImageClipHandle, OfxTime, const OfxRectD * /* nullable */,
                            OfxPropertySetHandle *image);
  OfxStatus (*clipReleaseImage)(OfxPropertySetHandle image);
  OfxStatus (*clipGetRegionOfDefinition)(OfxImageClipHandle, OfxTime, OfxRectD *);
  int (*abort)(OfxImageEffectHandle);
  OfxStatus (*imageMemoryAlloc)(OfxImageEffectHandle /* nullable */, size_t, OfxImageMemoryHandle *);
  OfxStatus (*imageMemoryFree)(OfxImageMemoryHandle);
  OfxStatus (*imageMemoryLock)(OfxImageMemoryHandle, void **);
  OfxStatus (*imageMemoryUnlock)(OfxImageMemoryHandle);
} OfxImageEffectSuiteV1;

#define kOfxParameterSuite "OfxParameterSuite"
typedef struct OfxParameterSuiteV1 {
  OfxStatus (*paramDefine)(OfxParamSetHandle, const char *paramType, const char *name,
                           OfxPropertySetHandle *);
  OfxStatus (*paramGetHandle)(OfxParamSetHandle, const char *name, OfxParamHandle *,
                              OfxPropertySetHandle * /* nullable */);
  OfxStatus (*paramSetGetPropertySet)(OfxParamSetHandle, OfxPropertySetHandle *);
  OfxStatus (*paramGetPropertySet)(OfxParamHandle, OfxPropertySetHandle *);
  /* variadic: getters take one pointer per component, setters one value per component
     (double for Double*, RGB*; int for Integer*, Boolean, Choice; const char* for String). */
  OfxStatus (*paramGetValue)(OfxParamHandle, ...);
  OfxStatus (*paramGetValueAtTime)(OfxParamHandle, OfxTime, ...);
  OfxStatus (*paramGetDerivative)(OfxParamHandle, OfxTime, ...);
  OfxStatus (*paramGetIntegral)(OfxParamHandle, OfxTime, OfxTime, ...);
  OfxStatus (*paramSetValue)(OfxParamHandle, ...);
  OfxStatus (*paramSetValueAtTime)(OfxParamHandle, OfxTime, ...);
  OfxStatus (*paramGetNumKeys)(OfxParamHandle, unsigned int *);
  OfxStatus (*paramGetKeyTime)(OfxParamHandle, unsigned int nth, OfxTime *);
  OfxStatus (*paramGetKeyIndex)(OfxParamHandle, OfxTime, int direction, int *index);
  OfxStatus (*paramDeleteKey)(OfxParamHandle, OfxTime);
  OfxStatus (*paramDeleteAllKeys)(OfxParamHandle);
  OfxStatus (*paramCopy)(OfxParamHandle to, OfxParamHandle from, OfxTime dstOffset,
                         const OfxRangeD *frameRange);
  OfxStatus (*paramEditBegin)(OfxParamSetHandle, const char *name);
  OfxStatus (*paramEditEnd)(OfxParamSetHandle);
} OfxParameterSuiteV1;

#define kOfxMemorySuite "OfxMemorySuite"
typedef struct OfxMemorySuiteV1 {
  OfxStatus (*memoryAlloc)(void *handle, size_t bytes, void **allocated);
  OfxStatus (*memoryFree)(void *allocated);
} OfxMemorySuiteV1;

#define kOfxMultiThreadSuite "OfxMultiThreadSuite"
typedef void(OfxThreadFunctionV1)(unsigned int threadIndex, unsigned int threadMax, void *arg);
typedef struct OfxMultiThreadSuiteV1 {
  OfxStatus (*multiThread)(OfxThreadFunctionV1 *fn, unsigned int nThreads, void *arg);
  OfxStatus (*multiThreadNumCPUs)(unsigned int *nCPUs);
  OfxStatus (*multiThreadIndex)(unsigned int *threadIndex);
  int (*multiThreadIsSpawnedThread)(void);
  OfxStatus (*mutexCreate)(OfxMutexHandle *mutex, int lockCount);
  OfxStatus (*mutexDestroy)(const OfxMutexHandle mutex);
  OfxStatus (*mutexLock)(const OfxMutexHandle mutex);
  OfxStatus (*mutexUnLock)(const OfxMutexHandle mutex);
  OfxStatus (*mutexTryLock)(const OfxMutexHandle mutex);
} OfxMultiThreadSuiteV1;

#define kOfxMessageSuite "OfxMessageSuite"
typedef struct OfxMessageSuiteV1 {
  OfxStatus (*message)(void *handle, const char *messageType, const char *messageId,
                       const char *format, ...);
} OfxMessageSuiteV1;
typedef struct OfxMessageSuiteV2 {
  OfxStatus (*message)(void *handle, const char *messageType, const char *messageId,
                       const char *format, ...);
  OfxStatus (*setPersistentMessage)(void *handle, const char *messageType, const char *messageId,
                                    const char *format, ...);
  OfxStatus (*clearPersistentMessage)(void *handle);
} OfxMessageSuiteV2;

#define kOfxMessageFatal "OfxMessageFatal"
#define kOfxMessageError "OfxMessageError"
#define kOfxMessageWarning "OfxMessageWarning"
#define kOfxMessageMessage "OfxMessageMessage"
#define kOfxMessageLog "OfxMessageLog"
#define kOfxMessageQuestion "OfxMessageQuestion"

#define kOfxProgressSuite "OfxProgressSuite"
typedef struct OfxProgressSuiteV1 {
  OfxStatus (*progressStart)(void *effectInstance, const char *label);
  OfxStatus (*progressUpdate)(void *effectInstance, double progress); /* ReplyNo = cancelled */
  OfxStatus (*progressEnd)(void *effectInstance);
} OfxProgressSuiteV1;
typedef struct OfxProgressSuiteV2 {
  OfxStatus (*progressStart)(void *effectInstance, const char *message, const char *messageId);
  OfxStatus (*progressUpdate)(void *effectInstance, double progress);
  OfxStatus (*progressEnd)(void *effectInstance);
} OfxProgressSuiteV2;

#define kOfxTimeLineSuite "OfxTimeLineSuite"
typedef struct OfxTimeLineSuiteV1 {
  OfxStatus (*getTime)(void *instance, double *time);
  OfxStatus (*gotoTime)(void *instance, double time);
  OfxStatus (*getTimeBounds)(void *instance, double *firstTime, double *lastTime);
} OfxTimeLineSuiteV1;

/* ---------------------------------------------------------------- actions */

#define kOfxActionLoad "OfxActionLoad"
#define kOfxActionUnload "OfxActionUnload"
#define kOfxActionDescribe "OfxActionDescribe"
#define kOfxActionPurgeCaches "OfxActionPurgeCaches"
#define kOfxActionSyncPrivateData "OfxActionSyncPrivateData"
#define kOfxActionCreateInstance "OfxActionCreateInstance"
#define kOfxActionDestroyInstance "OfxActionDestroyInstance"
#define kOfxActionInstanceChanged "OfxActionInstanceChanged"
#define kOfxActionBeginInstanceChanged "OfxActionBeginInstanceChanged"
#define kOfxActionEndInstanceChanged "OfxActionEndInstanceChanged"
#define kOfxActionBeginInstanceEdit "OfxActionBeginInstanceEdit"
#define kOfxActionEndInstanceEdit "OfxActionEndInstanceEdit"
#define kOfxImageEffectActionDescribeInContext "OfxImageEffectActionDescribeInContext"
#define kOfxImageEffectActionGetRegionOfDefinition "OfxImageEffectActionGetRegionOfDefinition"
#define kOfxImageEffectActionGetRegionsOfInterest "OfxImageEffectActionGetRegionsOfInterest"
#define kOfxImageEffectActionGetTimeDomain "OfxImageEffectActionGetTimeDomain"
#define kOfxImageEffectActionGetFramesNeeded "OfxImageEffectActionGetFramesNeeded"
#define kOfxImageEffectActionGetClipPreferences "OfxImageEffectActionGetClipPreferences"
#define kOfxImageEffectActionIsIdentity "OfxImageEffectActionIsIdentity"
#define kOfxImageEffectActionRender "OfxImageEffectActionRender"
#define kOfxImageEffectActionBeginSequenceRender "OfxImageEffectActionBeginSequenceRender"
#define kOfxImageEffectActionEndSequenceRender "OfxImageEffectActionEndSequenceRender"

/* ---------------------------------------------------------------- contexts, depths, components */

#define kOfxImageEffectContextGeneral "OfxImageEffectContextGeneral"
#define kOfxImageEffectContextFilter "OfxImageEffectContextFilter"
#define kOfxBitDepthNone "OfxBitDepthNone"
#define kOfxBitDepthByte "OfxBitDepthByte"
#define kOfxBitDepthShort "OfxBitDepthShort"
#define kOfxBitDepthHalf "OfxBitDepthHalf"
#define kOfxBitDepthFloat "OfxBitDepthFloat"
#define kOfxImageComponentNone "OfxImageComponentNone"
#define kOfxImageComponentRGBA "OfxImageComponentRGBA"
#define kOfxImageComponentRGB "OfxImageComponentRGB"
#define kOfxImageComponentAlpha "OfxImageComponentAlpha"
#define kOfxImagePreMultiplied "OfxImageAlphaPremultiplied" /* macro != value */
#define kOfxImageUnPreMultiplied "OfxImageAlphaUnPremultiplied"
#define kOfxImageOpaque "OfxImageOpaque"
#define kOfxImageFieldNone "OfxFieldNone" /* macro != value */
#define kOfxImageEffectOutputClipName "Output"
#define kOfxImageEffectSimpleSourceClipName "Source"

/* ---------------------------------------------------------------- property names */

#define kOfxPropType "OfxPropType"
#define kOfxPropName "OfxPropName"
#define kOfxPropLabel "OfxPropLabel"
#define kOfxPropShortLabel "OfxPropShortLabel"
#define kOfxPropLongLabel "OfxPropLongLabel"
#define kOfxPropTime "OfxPropTime"
#define kOfxPropAPIVersion "OfxPropAPIVersion"
#define kOfxPropVersionLabel "OfxPropVersionLabel"
#define kOfxPropInstanceData "OfxPropInstanceData"
#define kOfxPropIsInteractive "OfxPropIsInteractive"
#define kOfxPropChangeReason "OfxPropChangeReason"
#define kOfxPropPluginDescription "OfxPropPluginDescription"
#define kOfxChangeUserEdited "OfxChangeUserEdited"
#define kOfxChangePluginEdited "OfxChangePluginEdited"
#define kOfxChangeTime "OfxChangeTime"
#define kOfxTypeImageEffectHost "OfxTypeImageEffectHost"
#define kOfxTypeImageEffect "OfxTypeImageEffect"
#define kOfxTypeImageEffectInstance "OfxTypeImageEffectInstance"
#define kOfxTypeParameter "OfxTypeParameter"
#define kOfxTypeClip "OfxTypeClip"
#define kOfxTypeImage "OfxTypeImage"

#define kOfxImageEffectPropContext "OfxImageEffectPropContext"
#define kOfxImageEffectPropSupportedContexts "OfxImageEffectPropSupportedContexts"
#define kOfxImageEffectPropSupportedPixelDepths "OfxImageEffectPropSupportedPixelDepths"
#define kOfxImageEffectPropSupportedComponents "OfxImageEffectPropSupportedComponents"
#define kOfxImageEffectPropTemporalClipAccess "OfxImageEffectPropTemporalClipAccess"
#define kOfxImageEffectPropSupportsTiles "OfxImageEffectPropSupportsTiles"
#define kOfxImageEffectPropSupportsMultiResolution "OfxImageEffectPropSupportsMultiResolution"
#define kOfxImageEffectPluginRenderThreadSafety "OfxImageEffectPluginRenderThreadSafety"
#define kOfxImageEffectRenderFullySafe "OfxImageEffectRenderFullySafe"
#define kOfxImageEffectPluginPropHostFrameThreading "OfxImageEffectPluginPropHostFrameThreading"
#define kOfxImageEffectPluginPropGrouping "OfxImageEffectPluginPropGrouping"
#define kOfxImageEffectPropProjectSize "OfxImageEffectPropProjectSize"
#define kOfxImageEffectPropProjectExtent "OfxImageEffectPropProjectExtent"
#define kOfxImageEffectPropProjectOffset "OfxImageEffectPropProjectOffset"
#define kOfxImageEffectPropProjectPixelAspectRatio "OfxImageEffectPropPixelAspectRatio" /* macro != value */
#define kOfxImageEffectInstancePropEffectDuration "OfxImageEffectInstancePropEffectDuration"
#define kOfxImageEffectPropFrameRate "OfxImageEffectPropFrameRate"
#define kOfxImageEffectPropFrameRange "OfxImageEffectPropFrameRange"
#define kOfxImageEffectPropUnmappedFrameRange "OfxImageEffectPropUnmappedFrameRange"
#define kOfxImageEffectPropUnmappedFrameRate "OfxImageEffectPropUnmappedFrameRate"
#define kOfxImageEffectPropFrameStep "OfxImageEffectPropFrameStep"
#define kOfxImageEffectPropPixelDepth "OfxImageEffectPropPixelDepth"
#define kOfxImageEffectPropComponents "OfxImageEffectPropComponents"
#define kOfxImageEffectPropPreMultiplication "OfxImageEffectPropPreMultiplication"
#define kOfxImageEffectPropRenderScale "OfxImageEffectPropRenderScale"
#define kOfxImageEffectPropRenderWindow "OfxImageEffectPropRenderWindow"
#define kOfxImageEffectPropFieldToRender "OfxImageEffectPropFieldToRender"
#define kOfxImageEffectPropRegionOfDefinition "OfxImageEffectPropRegionOfDefinition"
#define kOfxImageEffectPropRegionOfInterest "OfxImageEffectPropRegionOfInterest"
#define kOfxImageEffectPropSequentialRenderStatus "OfxImageEffectPropSequentialRenderStatus"
#define kOfxImageEffectPropInteractiveRenderStatus "OfxImageEffectPropInteractiveRenderStatus"

#define kOfxImageClipPropConnected "OfxImageClipPropConnected"
#define kOfxImageClipPropOptional "OfxImageClipPropOptional"
#define kOfxImageClipPropIsMask "OfxImageClipPropIsMask"
#define kOfxImageClipPropUnmappedComponents "OfxImageClipPropUnmappedComponents"
#define kOfxImageClipPropUnmappedPixelDepth "OfxImageClipPropUnmappedPixelDepth"
#define kOfxImageClipPropFieldOrder "OfxImageClipPropFieldOrder"
#define kOfxImageClipPropContinuousSamples "OfxImageClipPropContinuousSamples"
#define kOfxImageClipPropFrameRangePrefix "OfxImageClipPropFrameRange_" /* + clip name */

#define kOfxImagePropData "OfxImagePropData"
#define kOfxImagePropBounds "OfxImagePropBounds"
#define kOfxImagePropRegionOfDefinition "OfxImagePropRegionOfDefinition"
#define kOfxImagePropRowBytes "OfxImagePropRowBytes"
#define kOfxImagePropPixelAspectRatio "OfxImagePropPixelAspectRatio"
#define kOfxImagePropField "OfxImagePropField"
#define kOfxImagePropUniqueIdentifier "OfxImagePropUniqueIdentifier"

/* ---------------------------------------------------------------- parameters */

#define kOfxParamTypeInteger "OfxParamTypeInteger"
#define kOfxParamTypeDouble "OfxParamTypeDouble"
#define kOfxParamTypeBoolean "OfxParamTypeBoolean"
#define kOfxParamTypeChoice "OfxParamTypeChoice"
#define kOfxParamTypeRGBA "OfxParamTypeRGBA"
#define kOfxParamTypeRGB "OfxParamTypeRGB"
#define kOfxParamTypeDouble2D "OfxParamTypeDouble2D"
#define kOfxParamTypeInteger2D "OfxParamTypeInteger2D"
#define kOfxParamTypeDouble3D "OfxParamTypeDouble3D"
#define kOfxParamTypeInteger3D "OfxParamTypeInteger3D"
#define kOfxParamTypeString "OfxParamTypeString"
#define kOfxParamTypeCustom "OfxParamTypeCustom"
#define kOfxParamTypeGroup "OfxParamTypeGroup"
#define kOfxParamTypePage "OfxParamTypePage"
#define kOfxParamTypePushButton "OfxParamTypePushButton"

#define kOfxParamPropType "OfxParamPropType"
#define kOfxParamPropDefault "OfxParamPropDefault"
#define kOfxParamPropAnimates "OfxParamPropAnimates"
#define kOfxParamPropPersistant "OfxParamPropPersistant" /* sic */
#define kOfxParamPropSecret "OfxParamPropSecret"
#define kOfxParamPropEvaluateOnChange "OfxParamPropEvaluateOnChange"
#define kOfxParamPropCanUndo "OfxParamPropCanUndo"
#define kOfxParamPropHint "OfxParamPropHint"
#define kOfxParamPropScriptName "OfxParamPropScriptName"
#define kOfxParamPropParent "OfxParamPropParent"
#define kOfxParamPropEnabled "OfxParamPropEnabled"
#define kOfxParamPropMin "OfxParamPropMin"
#define kOfxParamPropMax "OfxParamPropMax"
#define kOfxParamPropDisplayMin "OfxParamPropDisplayMin"
#define kOfxParamPropDisplayMax "OfxParamPropDisplayMax"
#define kOfxParamPropIncrement "OfxParamPropIncrement"
#define kOfxParamPropDigits "OfxParamPropDigits"
#define kOfxParamPropStringMode "OfxParamPropStringMode"
#define kOfxParamStringIsMultiLine "OfxParamStringIsMultiLine"

/* ---------------------------------------------------------------- host properties */

#define kOfxImageEffectHostPropIsBackground "OfxImageEffectHostPropIsBackground"
#define kOfxParamHostPropSupportsStringAnimation "OfxParamHostPropSupportsStringAnimation"

#ifdef __cplusplus
} /* extern "C" */

static_assert(sizeof(OfxHost) == 16, "OfxHost layout");
static_assert(sizeof(OfxPlugin) == 48, "OfxPlugin layout");
static_assert(offsetof(OfxPlugin, setHost) == 32, "OfxPlugin.setHost offset");
static_assert(offsetof(OfxPlugin, mainEntry) == 40, "OfxPlugin.mainEntry offset");
static_assert(sizeof(OfxRectI) == 16 && sizeof(OfxRectD) == 32, "rect layout");
static_assert(sizeof(OfxPropertySuiteV1) == 18 * sizeof(void *), "property suite layout");
static_assert(sizeof(OfxImageEffectSuiteV1) == 13 * sizeof(void *), "image effect suite layout");
static_assert(sizeof(OfxParameterSuiteV1) == 18 * sizeof(void *), "parameter suite layout");
static_assert(sizeof(OfxMultiThreadSuiteV1) == 9 * sizeof(void *), "multithread suite layout");
#endif

#endif /* VIDKOMPY_OFX_ABI_H */
