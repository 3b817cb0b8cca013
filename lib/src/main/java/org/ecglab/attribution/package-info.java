/**
 * Attribution methods: one class per method behind the one-method {@link org.ecglab.attribution.AttributionMethod}
 * interface, one sub-package per family, and the parts the families share here beside them:
 *
 * <ul>
 *   <li>the result with its provenance, {@link org.ecglab.attribution.Attribution} (method, parameters, model, seed,
 *       and the convergence delta where a method promises completeness);</li>
 *   <li>input checks ({@link org.ecglab.attribution.AttributionInputs}) and typed parameter reading
 *       ({@link org.ecglab.attribution.ParameterSchema}), baselines ({@link org.ecglab.attribution.Baselines}),
 *       feature masks ({@link org.ecglab.attribution.FeatureMask}, their kinds
 *       {@link org.ecglab.attribution.FeatureMaskSpec} and where their fiducial points come from,
 *       {@link org.ecglab.attribution.FiducialSource});</li>
 *   <li>batched input gradients with bounded native memory ({@link org.ecglab.attribution.GradientComputer});</li>
 *   <li>the chunked runner with a progress callback that the command line and the experiments use
 *       ({@link org.ecglab.attribution.AttributionRunner}, {@link org.ecglab.attribution.ProgressListener});</li>
 *   <li>the method registry from snake_case id to factory ({@link org.ecglab.attribution.AttributionMethods}) and a
 *       method as configured in an experiment ({@link org.ecglab.attribution.MethodSpec}).</li>
 * </ul>
 *
 * Families: {@code gradient} (saliency, ...), {@code path} (integrated gradients and the path quadratures, ...),
 * {@code propagation} (DeepLIFT and the LRP rules), {@code cam} (Grad-CAM), {@code perturbation} (occlusion, ablation,
 * sampling methods); and {@code backprop}, the layer-by-layer walk with modified rules that guided backpropagation,
 * deconvolution, DeepLIFT and LRP share. Semantics follow Captum's defaults (Kokhlikyan et al. 2020) so that results compare with the
 * literature. The families import this package's shared parts; only the registry imports the families (and the families may use {@code backprop}).
 *
 * <p>May import: {@code org.ecglab.attribution.*}, {@code org.ecglab.data.*}, {@code org.ecglab.interop},
 * {@code org.ecglab.nn}, {@code org.ecglab.runtime}, {@code org.ecglab.stats}.
 */
package org.ecglab.attribution;
