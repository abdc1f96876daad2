package org.vidkompy.ofx.suite;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * {@code OfxMultiThreadSuiteV1} ("OfxMultiThreadSuite", version 1), 9 functions. The engine uses
 * its own Java threads; this mapping exists for host-aware sizing ({@link #numCPUs}) and for code
 * that wants host threads. Some hosts (Sony Catalyst) leave the mutex slots NULL.
 */
public final class MultiThreadSuite extends Suite {
    /** {@code void fn(unsigned threadIndex, unsigned threadMax, void *arg)}; keep it reachable while in use. */
    public interface ThreadFunction extends Callback {
        void invoke(int threadIndex, int threadMax, Pointer arg);
    }

    public MultiThreadSuite(Pointer table) {
        super(table, 9, "OfxMultiThreadSuite");
    }

    public int multiThread(ThreadFunction fn, int nThreads, Pointer arg) {
        return call(0, "multiThread", fn, nThreads, arg);
    }

    public int numCPUs() {
        IntByReference out = new IntByReference(1);
        return call(1, "multiThreadNumCPUs", out) == 0 ? Math.max(1, out.getValue()) : 1;
    }

    public int threadIndex() {
        IntByReference out = new IntByReference();
        check(2, "multiThreadIndex", out);
        return out.getValue();
    }

    public boolean isSpawnedThread() {
        return call(3, "multiThreadIsSpawnedThread") != 0;
    }

    public boolean hasMutexes() {
        return has(4) && has(5) && has(6) && has(7) && has(8);
    }

    public Pointer mutexCreate(int lockCount) {
        PointerByReference out = new PointerByReference();
        check(4, "mutexCreate", out, lockCount);
        return out.getValue();
    }

    public void mutexDestroy(Pointer mutex) {
        check(5, "mutexDestroy", mutex);
    }

    public void mutexLock(Pointer mutex) {
        check(6, "mutexLock", mutex);
    }

    public void mutexUnLock(Pointer mutex) {
        check(7, "mutexUnLock", mutex);
    }

    public int mutexTryLock(Pointer mutex) {
        return call(8, "mutexTryLock", mutex);
    }
}
