/**
 * The propagation family, to come: methods that send relevance back through the network layer by layer with a
 * rule per layer type (DeepLIFT's rescale rule, LRP's epsilon, gamma, alpha-beta, z-plus and flat rules and their
 * composites, as in Zennit), the rules as small objects kept apart from the one traversal that applies them, and
 * batch norm folded into the convolution before it. Empty until those methods arrive; it is named here so that the
 * layout, and what the package may import, is settled before they do.
 *
 * <p>May import: {@code org.ecglab.attribution}, {@code org.ecglab.data.*}, {@code org.ecglab.nn},
 * {@code org.ecglab.stats}.
 */
package org.ecglab.attribution.propagation;
