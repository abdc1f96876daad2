package org.vidkompy.cuda;

/**
 * Grid and block dimensions of one kernel launch. The kernels here put the long, data-parallel axis on
 * x (threads) and rows or planes on y and z (blocks), which the hardware limits to 65535; callers
 * split work along y/z into launches that fit (see {@link #MAX_GRID_YZ}).
 */
record LaunchGeometry(int gridX, int gridY, int gridZ, int blockX) {

    /** Hardware limit on gridDim.y and gridDim.z. */
    static final int MAX_GRID_YZ = 65535;
    /** Hardware limit on gridDim.x. */
    static final long MAX_GRID_X = Integer.MAX_VALUE;
    static final int DEFAULT_BLOCK = 256;

    LaunchGeometry {
        if (gridX < 1 || gridY < 1 || gridZ < 1 || blockX < 1 || blockX > 1024) {
            throw new IllegalArgumentException("bad launch " + gridX + "x" + gridY + "x" + gridZ + " / " + blockX);
        }
        if (gridY > MAX_GRID_YZ || gridZ > MAX_GRID_YZ) {
            throw new IllegalArgumentException("grid y/z over " + MAX_GRID_YZ + ": " + gridY + ", " + gridZ);
        }
    }

    /** {@code x} threads along x (rounded up to whole blocks), {@code y} rows, {@code z} planes. */
    static LaunchGeometry cover(long x, int y, int z, int block) {
        long gx = Math.max(1, (x + block - 1) / block);
        if (gx > MAX_GRID_X) {
            throw new IllegalArgumentException(x + " threads along x exceed one launch");
        }
        return new LaunchGeometry((int) gx, Math.max(1, y), Math.max(1, z), block);
    }

    static LaunchGeometry cover(long x, int y, int z) {
        return cover(x, y, z, DEFAULT_BLOCK);
    }

    long threads() {
        return (long) gridX * blockX * gridY * gridZ;
    }
}
