/**
 * The PyTorch engine's settings for the whole JVM: what the lab asks for ({@link
 * org.ecglab.model.engine.EngineSettings}: thread counts and offline mode, from the environment or defaults), the
 * one entry point that applies them before the engine starts and checks them after ({@link
 * org.ecglab.model.engine.EngineSetup}), and what the engine runs with, for printing ({@link
 * org.ecglab.model.engine.EffectiveSettings}). Notebooks reach it through {@code Lab.start()}, the command line
 * through its {@code main}; so results do not depend on which JVM options a Jupyter kernel passes. Depends on DJL
 * only.
 */
package org.ecglab.model.engine;
