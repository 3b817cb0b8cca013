/**
 * Modified backward passes, walked layer by layer: the one traversal that guided backpropagation, deconvolution,
 * DeepLIFT and every LRP rule share, with the rules as small objects apart from it (as in Zennit, Anders et al.
 * 2021).
 *
 * <p>DJL has neither module hooks nor custom backward functions, so {@link
 * org.ecglab.attribution.backprop.BackwardTraversal} runs the network's layers one at a time: a forward pass keeps
 * each layer's input (and, for DeepLIFT, the reference's), then a walk from the target logit back to the input lets
 * one {@link org.ecglab.attribution.backprop.Rule} per layer turn the vector at the layer's output (a gradient, a
 * DeepLIFT multiplier or an LRP relevance) into the one at its input. The default rule is the plain
 * vector-Jacobian product of that layer alone, by local autograd; the others:
 *
 * <ul>
 *   <li>{@link org.ecglab.attribution.backprop.Rules}: pass-through and the ReLU rules of guided backpropagation and
 *       deconvolution (Captum's backward hooks);</li>
 *   <li>{@link org.ecglab.attribution.backprop.DeepLiftRules}: DeepLIFT's rescale rule and Captum's max-pooling
 *       rule;</li>
 *   <li>{@link org.ecglab.attribution.backprop.LrpRule}: LRP rules as data, Zennit's input, parameter and output
 *       modifiers ({@link org.ecglab.attribution.backprop.InputModifier},
 *       {@link org.ecglab.attribution.backprop.ParameterModifier}, {@link
 *       org.ecglab.attribution.backprop.Stabilizer}): epsilon, gamma, alpha-beta, z-plus, flat.</li>
 * </ul>
 *
 * A {@link org.ecglab.attribution.backprop.Composite} maps layer types (and the first weighted layer) to rules; the
 * ones the methods use are in {@link org.ecglab.attribution.backprop.Composites}. A
 * {@link org.ecglab.attribution.backprop.Canonizer} rewrites the layers before the walk, on copies of their
 * parameters: {@link org.ecglab.attribution.backprop.BatchNormFolding} folds each batch norm into the convolution
 * before it. The user's model is never changed; everything a call creates lives in native memory it frees.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.data.*}, {@code org.ecglab.nn},
 * {@code org.ecglab.runtime}.
 */
package org.ecglab.attribution.backprop;
