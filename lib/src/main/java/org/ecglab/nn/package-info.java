/**
 * The network as data and its DJL runtime. {@link org.ecglab.nn.LayerSpec}s with PyTorch semantics and argument
 * names make an {@link org.ecglab.nn.Architecture} (the default task-model CNN, shapes checked when built, the
 * {@link org.ecglab.nn.ReceptiveField} of each layer), which builds a DJL block and mirrors
 * {@code torch.nn.Sequential(*layers)}; {@link org.ecglab.nn.ParameterLayout} maps DJL parameters to PyTorch's
 * {@code state_dict} names. {@link org.ecglab.nn.EcgClassifier} is the differentiable classifier that training
 * fits and attribution methods explain (inference mode, batched logits, a weight fingerprint);
 * {@link org.ecglab.nn.ParameterSnapshot} copies its weights.
 *
 * <p>May import: {@code org.ecglab.data.*}.
 */
package org.ecglab.nn;
