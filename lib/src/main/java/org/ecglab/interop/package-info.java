/**
 * The interop bundle: a model, ECGs, logits and attribution maps in a folder that PyTorch users can load with
 * NumPy and {@code torch.nn} alone ({@link org.ecglab.interop.InteropBundle}), and read back in Java.
 *
 * <p><b>Layer-name mapping.</b> Layer {@code i} of the {@link org.ecglab.nn.Architecture} is module {@code i} of
 * {@code torch.nn.Sequential(*layers)} (layers without parameters keep their index), and each DJL parameter of that
 * layer becomes the {@code state_dict} key {@code "<i>.<torch name>"}:
 *
 * <table>
 *   <caption>DJL parameter to PyTorch state_dict key</caption>
 *   <tr><th>layer type</th><th>DJL parameter</th><th>state_dict key</th><th>shape</th></tr>
 *   <tr><td>conv1d</td><td>weight</td><td>i.weight</td><td>(out_channels, in_channels, kernel_size)</td></tr>
 *   <tr><td>conv1d</td><td>bias</td><td>i.bias (only if bias)</td><td>(out_channels)</td></tr>
 *   <tr><td>batchnorm1d</td><td>gamma</td><td>i.weight</td><td>(num_features)</td></tr>
 *   <tr><td>batchnorm1d</td><td>beta</td><td>i.bias</td><td>(num_features)</td></tr>
 *   <tr><td>batchnorm1d</td><td>runningMean</td><td>i.running_mean</td><td>(num_features)</td></tr>
 *   <tr><td>batchnorm1d</td><td>runningVar</td><td>i.running_var</td><td>(num_features)</td></tr>
 *   <tr><td>batchnorm1d</td><td>(none)</td><td>i.num_batches_tracked</td><td>() int64, written as 0</td></tr>
 *   <tr><td>linear</td><td>weight</td><td>i.weight</td><td>(out_features, in_features)</td></tr>
 *   <tr><td>linear</td><td>bias</td><td>i.bias (only if bias)</td><td>(out_features)</td></tr>
 * </table>
 *
 * DJL's array layouts already equal PyTorch's, so nothing is transposed. All arrays are float32 except
 * {@code num_batches_tracked}: DJL does not count batches, PyTorch reads the counter only when a batch norm has
 * {@code momentum=None}, so it is written as 0 to make the key set equal to {@code state_dict()} (and
 * {@code load_state_dict(strict=True)} succeed), and ignored on reading. The correspondence itself lives in
 * {@link org.ecglab.nn.ParameterLayout}.
 *
 * <p>JSON is written and read with the lab's Gson configuration ({@link org.ecglab.data.io.Json}); layers have the
 * same JSON form as in the registry's provenance ({@link org.ecglab.nn.LayerSpecs#toJson}).
 *
 * <p>This package sits beside {@code org.ecglab.attribution}, not above it: attribution maps are passed in as
 * {@link org.ecglab.interop.BundleAttribution}.
 *
 * <p>May import: {@code org.ecglab.data.*}, {@code org.ecglab.nn}.
 */
package org.ecglab.interop;
