package org.vidkompy.cuda;

import org.vidkompy.spatial.Correlator;
import org.vidkompy.temporal.BandCostKernel;

/**
 * The two implementations the analysis runs with, chosen once per injector by {@link ComputeSelector}:
 * the CPU references, their CUDA twins, or (in auto mode) the twins behind their CPU fallbacks.
 */
public record ComputePath(Correlator correlator, BandCostKernel costKernel) {
}
