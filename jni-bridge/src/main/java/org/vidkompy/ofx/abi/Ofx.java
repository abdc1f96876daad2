package org.vidkompy.ofx.abi;

/**
 * OpenFX string constants used by the plugin: actions, property names and enumerated values.
 * The values are what crosses the ABI; where a specification macro name differs from its value
 * the constant keeps the value and says so.
 */
public final class Ofx {
    private Ofx() {
    }

    // Actions
    public static final String ACTION_LOAD = "OfxActionLoad";
    public static final String ACTION_UNLOAD = "OfxActionUnload";
    public static final String ACTION_DESCRIBE = "OfxActionDescribe";
    public static final String ACTION_PURGE_CACHES = "OfxActionPurgeCaches";
    public static final String ACTION_SYNC_PRIVATE_DATA = "OfxActionSyncPrivateData";
    public static final String ACTION_CREATE_INSTANCE = "OfxActionCreateInstance";
    public static final String ACTION_DESTROY_INSTANCE = "OfxActionDestroyInstance";
    public static final String ACTION_INSTANCE_CHANGED = "OfxActionInstanceChanged";
    public static final String ACTION_BEGIN_INSTANCE_CHANGED = "OfxActionBeginInstanceChanged";
    public static final String ACTION_END_INSTANCE_CHANGED = "OfxActionEndInstanceChanged";
    public static final String ACTION_DESCRIBE_IN_CONTEXT = "OfxImageEffectActionDescribeInContext";
    public static final String ACTION_GET_REGION_OF_DEFINITION = "OfxImageEffectActionGetRegionOfDefinition";
    public static final String ACTION_GET_REGIONS_OF_INTEREST = "OfxImageEffectActionGetRegionsOfInterest";
    public static final String ACTION_GET_TIME_DOMAIN = "OfxImageEffectActionGetTimeDomain";
    public static final String ACTION_GET_FRAMES_NEEDED = "OfxImageEffectActionGetFramesNeeded";
    public static final String ACTION_GET_CLIP_PREFERENCES = "OfxImageEffectActionGetClipPreferences";
    public static final String ACTION_IS_IDENTITY = "OfxImageEffectActionIsIdentity";
    public static final String ACTION_RENDER = "OfxImageEffectActionRender";
    public static final String ACTION_BEGIN_SEQUENCE_RENDER = "OfxImageEffectActionBeginSequenceRender";
    public static final String ACTION_END_SEQUENCE_RENDER = "OfxImageEffectActionEndSequenceRender";

    // Suites
    public static final String SUITE_PROPERTY = "OfxPropertySuite";
    public static final String SUITE_IMAGE_EFFECT = "OfxImageEffectSuite";
    public static final String SUITE_PARAMETER = "OfxParameterSuite";
    public static final String SUITE_MEMORY = "OfxMemorySuite";
    public static final String SUITE_MULTI_THREAD = "OfxMultiThreadSuite";
    public static final String SUITE_MESSAGE = "OfxMessageSuite";
    public static final String SUITE_PROGRESS = "OfxProgressSuite";
    public static final String SUITE_TIME_LINE = "OfxTimeLineSuite";

    // Generic properties
    public static final String PROP_TYPE = "OfxPropType";
    public static final String PROP_NAME = "OfxPropName";
    public static final String PROP_LABEL = "OfxPropLabel";
    public static final String PROP_SHORT_LABEL = "OfxPropShortLabel";
    public static final String PROP_LONG_LABEL = "OfxPropLongLabel";
    public static final String PROP_TIME = "OfxPropTime";
    public static final String PROP_CHANGE_REASON = "OfxPropChangeReason";
    public static final String PROP_PLUGIN_DESCRIPTION = "OfxPropPluginDescription";
    public static final String PROP_INSTANCE_DATA = "OfxPropInstanceData";
    public static final String TYPE_PARAMETER = "OfxTypeParameter";
    public static final String TYPE_CLIP = "OfxTypeClip";
    public static final String CHANGE_USER_EDITED = "OfxChangeUserEdited";
    public static final String CHANGE_PLUGIN_EDITED = "OfxChangePluginEdited";

    // Effect
    public static final String EFFECT_PROP_CONTEXT = "OfxImageEffectPropContext";
    public static final String EFFECT_PROP_SUPPORTED_CONTEXTS = "OfxImageEffectPropSupportedContexts";
    public static final String EFFECT_PROP_SUPPORTED_PIXEL_DEPTHS = "OfxImageEffectPropSupportedPixelDepths";
    public static final String EFFECT_PROP_SUPPORTED_COMPONENTS = "OfxImageEffectPropSupportedComponents";
    public static final String EFFECT_PROP_TEMPORAL_CLIP_ACCESS = "OfxImageEffectPropTemporalClipAccess";
    public static final String EFFECT_PROP_SUPPORTS_TILES = "OfxImageEffectPropSupportsTiles";
    public static final String EFFECT_PROP_SUPPORTS_MULTI_RESOLUTION = "OfxImageEffectPropSupportsMultiResolution";
    /** Macro {@code kOfxImageEffectPropSupportsMultipleClipDepths}; the value lacks "Supports". */
    public static final String EFFECT_PROP_SUPPORTS_MULTIPLE_CLIP_DEPTHS = "OfxImageEffectPropMultipleClipDepths";
    public static final String EFFECT_PROP_SUPPORTS_MULTIPLE_CLIP_PARS = "OfxImageEffectPropSupportsMultipleClipPARs";
    public static final String EFFECT_PLUGIN_RENDER_THREAD_SAFETY = "OfxImageEffectPluginRenderThreadSafety";
    public static final String RENDER_FULLY_SAFE = "OfxImageEffectRenderFullySafe";
    public static final String EFFECT_PLUGIN_PROP_HOST_FRAME_THREADING = "OfxImageEffectPluginPropHostFrameThreading";
    public static final String EFFECT_PLUGIN_PROP_SINGLE_INSTANCE = "OfxImageEffectPluginPropSingleInstance";
    public static final String EFFECT_PLUGIN_PROP_GROUPING = "OfxImageEffectPluginPropGrouping";
    public static final String EFFECT_PROP_FRAME_RANGE = "OfxImageEffectPropFrameRange";
    public static final String EFFECT_PROP_FRAME_RATE = "OfxImageEffectPropFrameRate";
    public static final String EFFECT_PROP_RENDER_SCALE = "OfxImageEffectPropRenderScale";
    public static final String EFFECT_PROP_RENDER_WINDOW = "OfxImageEffectPropRenderWindow";
    public static final String EFFECT_PROP_REGION_OF_INTEREST = "OfxImageEffectPropRegionOfInterest";
    /** What hosts (HostSupport) use; the action's documentation spells it OfxImageEffectClipPropRoI_. */
    public static final String CLIP_PROP_ROI_PREFIX = "OfxImageClipPropRoI_";
    public static final String EFFECT_PROP_REGION_OF_DEFINITION = "OfxImageEffectPropRegionOfDefinition";
    public static final String EFFECT_PROP_PIXEL_DEPTH = "OfxImageEffectPropPixelDepth";
    public static final String EFFECT_PROP_COMPONENTS = "OfxImageEffectPropComponents";
    public static final String CONTEXT_GENERAL = "OfxImageEffectContextGeneral";
    public static final String CONTEXT_FILTER = "OfxImageEffectContextFilter";
    public static final String BIT_DEPTH_BYTE = "OfxBitDepthByte";
    public static final String BIT_DEPTH_SHORT = "OfxBitDepthShort";
    public static final String BIT_DEPTH_FLOAT = "OfxBitDepthFloat";
    public static final String COMPONENT_RGBA = "OfxImageComponentRGBA";

    // Clips
    public static final String CLIP_OUTPUT = "Output";
    public static final String CLIP_SOURCE = "Source";
    public static final String CLIP_PROP_CONNECTED = "OfxImageClipPropConnected";
    public static final String CLIP_PROP_OPTIONAL = "OfxImageClipPropOptional";
    public static final String CLIP_PROP_FRAME_RANGE_PREFIX = "OfxImageClipPropFrameRange_";

    // Images
    public static final String IMAGE_PROP_DATA = "OfxImagePropData";
    public static final String IMAGE_PROP_BOUNDS = "OfxImagePropBounds";
    public static final String IMAGE_PROP_ROW_BYTES = "OfxImagePropRowBytes";

    // Parameters
    public static final String PARAM_TYPE_DOUBLE = "OfxParamTypeDouble";
    public static final String PARAM_TYPE_STRING = "OfxParamTypeString";
    public static final String PARAM_TYPE_PUSH_BUTTON = "OfxParamTypePushButton";
    public static final String PARAM_PROP_DEFAULT = "OfxParamPropDefault";
    public static final String PARAM_PROP_ANIMATES = "OfxParamPropAnimates";
    /** Spelled "Persistant" in the specification. */
    public static final String PARAM_PROP_PERSISTANT = "OfxParamPropPersistant";
    public static final String PARAM_PROP_SECRET = "OfxParamPropSecret";
    public static final String PARAM_PROP_EVALUATE_ON_CHANGE = "OfxParamPropEvaluateOnChange";
    public static final String PARAM_PROP_CAN_UNDO = "OfxParamPropCanUndo";
    public static final String PARAM_PROP_HINT = "OfxParamPropHint";
    public static final String PARAM_PROP_SCRIPT_NAME = "OfxParamPropScriptName";
    public static final String PARAM_PROP_MIN = "OfxParamPropMin";
    public static final String PARAM_PROP_MAX = "OfxParamPropMax";
    public static final String PARAM_PROP_DISPLAY_MIN = "OfxParamPropDisplayMin";
    public static final String PARAM_PROP_DISPLAY_MAX = "OfxParamPropDisplayMax";
    public static final String PARAM_PROP_INCREMENT = "OfxParamPropIncrement";
    public static final String PARAM_PROP_DIGITS = "OfxParamPropDigits";
    public static final String PARAM_PROP_STRING_MODE = "OfxParamPropStringMode";
    public static final String PARAM_STRING_IS_MULTI_LINE = "OfxParamStringIsMultiLine";
    public static final String PARAM_STRING_IS_FILE_PATH = "OfxParamStringIsFilePath";
    public static final String PARAM_STRING_IS_LABEL = "OfxParamStringIsLabel";
    public static final String PARAM_PROP_STRING_FILE_PATH_EXISTS = "OfxParamPropStringFilePathExists";
    public static final String PARAM_TYPE_INTEGER = "OfxParamTypeInteger";
    public static final String PARAM_TYPE_BOOLEAN = "OfxParamTypeBoolean";
    public static final String PARAM_TYPE_GROUP = "OfxParamTypeGroup";
    public static final String PARAM_PROP_PARENT = "OfxParamPropParent";
    public static final String PARAM_PROP_ENABLED = "OfxParamPropEnabled";

    // Messages
    public static final String MESSAGE_ERROR = "OfxMessageError";
    public static final String MESSAGE_WARNING = "OfxMessageWarning";
    public static final String MESSAGE_LOG = "OfxMessageLog";
}
