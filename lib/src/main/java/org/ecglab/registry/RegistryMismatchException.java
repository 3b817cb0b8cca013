package org.ecglab.registry;

/**
 * A model registry holds a model for the requested task and seed, but it was trained on other data, with another
 * architecture or other settings. The message says what differs; retrain (overwriting it) or point the registry
 * elsewhere.
 */
public final class RegistryMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what differs, naming the model
     */
    public RegistryMismatchException(String message) {
        super(message);
    }
}
