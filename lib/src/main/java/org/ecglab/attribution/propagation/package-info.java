/**
 * The propagation family: methods that send a difference or a relevance back through the network layer by layer,
 * with a rule per layer type, on the shared walk of {@link org.ecglab.attribution.backprop}.
 *
 * <ul>
 *   <li>DeepLIFT with the rescale rule and Captum's max-pooling rule ({@link
 *       org.ecglab.attribution.propagation.DeepLift}, Shrikumar et al. 2017), and averaged over a baseline
 *       distribution ({@link org.ecglab.attribution.propagation.DeepLiftShap}, Lundberg &amp; Lee 2017);</li>
 *   <li>LRP as Captum, the epsilon rule on every layer ({@link org.ecglab.attribution.propagation.LrpEpsilon});</li>
 *   <li>the LRP rules beyond Captum with Zennit's semantics (batch norm folded into the convolution before it),
 *       one rule on every weighted layer ({@link org.ecglab.attribution.propagation.LrpGamma},
 *       {@link org.ecglab.attribution.propagation.LrpAlphaBeta}, {@link org.ecglab.attribution.propagation.LrpZPlus},
 *       {@link org.ecglab.attribution.propagation.LrpFlat}) or a composite choosing by layer
 *       ({@link org.ecglab.attribution.propagation.LrpEpsilonPlusFlat},
 *       {@link org.ecglab.attribution.propagation.LrpEpsilonGammaFlat}).</li>
 * </ul>
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.attribution.backprop}, {@code org.ecglab.data.*},
 * {@code org.ecglab.nn}, {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.propagation;
