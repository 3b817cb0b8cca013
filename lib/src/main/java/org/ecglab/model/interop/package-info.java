/**
 * The interop bundle: a model, ECGs, logits and attribution maps in a folder that PyTorch users can load with
 * NumPy and {@code torch.nn} alone ({@link org.ecglab.model.interop.InteropBundle}), and read back in Java.
 *
 * <p><b>Layer-name mapping.</b> Layer {@code i} of the {@link org.ecglab.model.Architecture} is module {@code i} of
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
 * {@link org.ecglab.model.ParameterLayout}.
 *
 * <p>JSON is written and parsed by a small built-in codec ({@link org.ecglab.data.io.Json}) rather than a library, as the bundle needs
 * only plain objects, arrays, strings, numbers and booleans.
 *
 * <p>This package belongs to the model layer and does not import {@code org.ecglab.attribution}; attribution maps
 * are passed as {@link org.ecglab.model.interop.BundleAttribution}.
 */
package org.ecglab.model.interop;
