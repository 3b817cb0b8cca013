/**
 * The PyTorch engine the lab runs on, set up and checked in-process so that every JVM (command line, notebook
 * kernel, a user's own program) gets the same numbers and right gradients: the engine's settings
 * ({@link org.ecglab.runtime.EngineSettings}, {@link org.ecglab.runtime.EngineSetup} with its
 * {@link org.ecglab.runtime.EffectiveSettings}: threads, offline mode, log levels) and the gradient self-check
 * ({@link org.ecglab.runtime.GradientSelfCheck}: a probe network once per JVM and each network before its first
 * gradient; PyTorch's oneDNN convolutions switched off through {@link org.ecglab.runtime.OneDnnSwitch} where they
 * compute wrong input gradients), with the {@link org.ecglab.runtime.CpuDescription} that messages name.
 *
 * <p>May import: {@code org.ecglab.data.*}.
 */
package org.ecglab.runtime;
