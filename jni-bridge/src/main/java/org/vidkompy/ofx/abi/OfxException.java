package org.vidkompy.ofx.abi;

/** A host call answered with a status other than the one expected. */
public class OfxException extends RuntimeException {
    private final int status;

    public OfxException(int status, String call) {
        super(call + " returned " + OfxStatus.name(status));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
