"""Modified backward passes: guided backpropagation and deconvolution (Captum's ReLU hooks), DeepLIFT and DeepLIFT
SHAP (Captum's rescale and max-pooling rules, as module hooks on the doubled batch), and LRP (Captum's epsilon rule
on every layer; the rules of Zennit with batch norm folded into the layer before it).

Written from the papers, Captum's and Zennit's definitions with torch autograd and hooks; the lab's Java walks the
layers in its own way. Conventions the lab documents and these references follow:
- DeepLIFT's max-pooling rule adds shares that overlapping windows send to one input position (Captum's
  max_unpool keeps one); where |x - x'| < eps it falls back to each row's own gradient (Captum takes row 0's).
- LRP starts from the target logit's value, as Captum (relevance sums to f(x) up to absorption).
"""

import copy

import torch
import torch.nn.functional as F

from . import reference, input_gradients

# ----------------------------------------------------------------------------------------------------------------
# Guided backpropagation and deconvolution: ReLU backward hooks, as Captum's ModifiedReluGradientAttribution.


def _gradients_with_relu_hook(ctx, hook):
    handles = [m.register_full_backward_hook(hook) for m in ctx.model.modules() if isinstance(m, torch.nn.ReLU)]
    try:
        return input_gradients(ctx.model, ctx.inputs, ctx.targets).numpy()
    finally:
        for h in handles:
            h.remove()


@reference("guided_backprop")
def guided_backprop(ctx):
    """Springenberg et al. 2015: every ReLU passes back relu(its ordinary input gradient)."""
    return _gradients_with_relu_hook(ctx, lambda module, grad_in, grad_out: (F.relu(grad_in[0]),))


@reference("deconvolution")
def deconvolution(ctx):
    """Zeiler & Fergus 2014: every ReLU passes back relu(the gradient at its output)."""
    return _gradients_with_relu_hook(ctx, lambda module, grad_in, grad_out: (F.relu(grad_out[0]),))


# ----------------------------------------------------------------------------------------------------------------
# DeepLIFT (Shrikumar et al. 2017, rescale rule) in Captum's form: inputs and baselines run as one doubled batch,
# nonlinear modules replace their input gradient by multipliers built from the differences of the two halves.


class _DeepLiftHooks:
    def __init__(self, model, eps):
        self.eps = eps
        self.saved = {}
        self.handles = []
        for m in model.modules():
            if isinstance(m, (torch.nn.ReLU, torch.nn.MaxPool1d)):
                self.handles.append(m.register_forward_hook(self.remember))
                self.handles.append(m.register_full_backward_hook(self.rescale))

    def remember(self, module, inputs, output):
        self.saved[module] = (inputs[0].detach(), output.detach())

    def rescale(self, module, grad_input, grad_output):
        x, y = self.saved[module]
        x_in, x_ref = x.chunk(2)
        y_in, y_ref = y.chunk(2)
        delta_in = torch.cat([x_in - x_ref] * 2)
        if isinstance(module, torch.nn.ReLU):
            delta_out = torch.cat([y_in - y_ref] * 2)
            ratio = grad_output[0] * delta_out / delta_in
        else:
            ratio = self._max_pool_shares(module, x, y_in, y_ref, grad_output[0]) / delta_in
        return (torch.where(delta_in.abs() < self.eps, grad_input[0], ratio),)

    @staticmethod
    def _max_pool_shares(module, x, y_in, y_ref, grad_out):
        """Per output, y - y' split at the cross maximum: max(y, y') - y' to the input's winner, y - max(y, y') to
        the reference's winner, each times its half's incoming gradient; the two halves' shares added."""
        cross = torch.max(y_in, y_ref)
        g_in, g_ref = grad_out.chunk(2)
        contributions = torch.cat([g_in * (cross - y_ref), g_ref * (y_in - cross)])
        _, winners = F.max_pool1d(x, module.kernel_size, module.stride, module.padding, module.dilation,
                                  module.ceil_mode, return_indices=True)
        shares = torch.zeros_like(x).scatter_add_(2, winners, contributions)
        share_in, share_ref = shares.chunk(2)
        return torch.cat([share_in + share_ref] * 2)

    def remove(self):
        for h in self.handles:
            h.remove()


def _deeplift(model, inputs, baselines, targets, eps, multiply):
    hooks = _DeepLiftHooks(model, eps)
    try:
        both = torch.cat([inputs, baselines]).clone().requires_grad_(True)
        logits = model(both)
        logits.gather(1, torch.cat([targets, targets]).view(-1, 1)).sum().backward()
        multipliers = both.grad[: inputs.shape[0]].detach()
    finally:
        hooks.remove()
    return (inputs - baselines) * multipliers if multiply else multipliers


@reference("deeplift")
def deeplift(ctx):
    return _deeplift(ctx.model, ctx.inputs, ctx.per_input_baselines(), ctx.targets, float(ctx.params["eps"]),
                     bool(ctx.params["multiply_by_inputs"])).numpy()


@reference("deeplift_shap")
def deeplift_shap(ctx):
    """Lundberg & Lee 2017 via Captum's DeepLiftShap: DeepLIFT against each baseline row, averaged."""
    rows = ctx.baselines
    total = torch.zeros(ctx.inputs.shape, dtype=torch.float64)
    for j in range(rows.shape[0]):
        base = rows[j:j + 1].expand_as(ctx.inputs).clone()
        total += _deeplift(ctx.model, ctx.inputs, base, ctx.targets, 1e-10,
                           bool(ctx.params["multiply_by_inputs"])).double()
    return (total / rows.shape[0]).float().numpy()


# ----------------------------------------------------------------------------------------------------------------
# LRP: relevance R = f_c(x) on the target logit, sent back layer by layer. Each rule below is the formula of its
# paper computed with autograd on the layer alone: for a (modified) layer z_k = layer_k(a_k), the product
# a_k * grad(sum(z_k * s)) equals a_k * J_k^T s.


def _stabilize(z, eps):
    """z + eps * sign(z) with sign(0) = +1."""
    return z + eps * (2.0 * (z >= 0).to(z.dtype) - 1.0)


def _vjp(fn, a, s):
    a = a.detach().clone().requires_grad_(True)
    with torch.enable_grad():
        (fn(a) * s).sum().backward()
    return a.grad.detach()


def _with_parameters(layer, weight, bias):
    """A copy of a convolution or linear layer with other weight and bias (None: no bias)."""
    if isinstance(layer, torch.nn.Conv1d):
        return lambda a: F.conv1d(a, weight, bias, layer.stride, layer.padding, layer.dilation, layer.groups)
    return lambda a: F.linear(a, weight, bias)


def epsilon_rule(eps):
    def rule(layer, a, z, relevance):
        s = relevance / _stabilize(layer(a), eps)
        return a * _vjp(layer, a, s)
    return rule


def pass_rule(layer, a, z, relevance):
    return relevance


def gradient_rule(layer, a, z, relevance):
    return _vjp(layer, a, relevance)


def _sign_split_rule(layer, a, z, relevance, modify, masks, coefficients, stabilizer):
    """Shared shape of z-plus, alpha-beta and gamma: for each (mask, coefficient) group, the positive-part input sees
    weights modify(w, group, True) and the negative-part input modify(w, group, False)."""
    ap, an = a.clamp(min=0), a.clamp(max=0)
    w, b = layer.weight.detach(), None if layer.bias is None else layer.bias.detach()
    out = torch.zeros_like(a)
    for group, (mask, coefficient) in enumerate(zip(masks, coefficients)):
        if coefficient == 0:
            continue
        f_pos = _with_parameters(layer, modify(w, group, True), None if b is None else modify(b, group, True))
        f_neg = _with_parameters(layer, modify(w, group, False), None)
        s = mask * relevance / _stabilize(f_pos(ap) + f_neg(an), stabilizer)
        out = out + coefficient * (ap * _vjp(f_pos, ap, s) + an * _vjp(f_neg, an, s))
    return out


def z_plus_rule(stabilizer):
    """Montavon et al. 2017: R_j = sum_i (x_j w_ij)^+ R_i / sum_j' (x_j' w_ij')^+ (bias^+ in the denominator)."""
    return alpha_beta_rule(1.0, 0.0, stabilizer)


def alpha_beta_rule(alpha, beta, stabilizer):
    """Bach et al. 2015: alpha * positive contributions - beta * negative contributions, each normalised by its sum
    (group 0: x+ w+ and x- w-, bias+; group 1: x+ w- and x- w+, bias-)."""
    def modify(p, group, positive_input):
        keep_positive = positive_input if group == 0 else not positive_input
        return p.clamp(min=0) if keep_positive else p.clamp(max=0)

    def rule(layer, a, z, relevance):
        ones = torch.ones_like(z)
        return _sign_split_rule(layer, a, z, relevance, modify, [ones, ones], [alpha, -beta], stabilizer)
    return rule


def gamma_rule(gamma, stabilizer):
    """Generalised gamma rule (Montavon et al. 2019, Andeol et al. 2021): where z > 0, inputs x+ see w + gamma w+ and
    x- see w + gamma w- (bias b + gamma b+); where z < 0 the other way round."""
    def modify(p, group, positive_input):
        amplify_positive = positive_input if group == 0 else not positive_input
        return p + gamma * (p.clamp(min=0) if amplify_positive else p.clamp(max=0))

    def rule(layer, a, z, relevance):
        return _sign_split_rule(layer, a, z, relevance, modify, [(z > 0).to(z.dtype), (z < 0).to(z.dtype)], [1, 1],
                                stabilizer)
    return rule


def flat_rule(stabilizer):
    """Lapuschkin et al. 2019: each output's relevance spread evenly over the inputs it sees."""
    def rule(layer, a, z, relevance):
        f = _with_parameters(layer, torch.ones_like(layer.weight), None)
        ones = torch.ones_like(a)
        return _vjp(f, ones, relevance / _stabilize(f(ones), stabilizer))
    return rule


def fold_batch_norms(model):
    """Each BatchNorm1d right after a Conv1d or Linear merged into it (Zennit's SequentialMergeBatchNorm)."""
    layers = [copy.deepcopy(m) for m in model]
    out = []
    i = 0
    while i < len(layers):
        layer = layers[i]
        nxt = layers[i + 1] if i + 1 < len(layers) else None
        if isinstance(layer, (torch.nn.Conv1d, torch.nn.Linear)) and isinstance(nxt, torch.nn.BatchNorm1d):
            scale = nxt.weight / (nxt.running_var + nxt.eps) ** 0.5
            shape = (-1,) + (1,) * (layer.weight.dim() - 1)
            bias = layer.bias if layer.bias is not None else torch.zeros_like(nxt.running_mean)
            merged = copy.deepcopy(layer)
            merged.weight = torch.nn.Parameter(layer.weight * scale.view(shape))
            merged.bias = torch.nn.Parameter((bias - nxt.running_mean) * scale + nxt.bias)
            out.append(merged)
            i += 2
        else:
            out.append(layer)
            i += 1
    return torch.nn.Sequential(*out).eval()


def _lrp(layers, inputs, targets, rule_for):
    activations = [inputs]
    with torch.no_grad():
        for layer in layers:
            activations.append(layer(activations[-1]))
    logits = activations[-1]
    relevance = torch.zeros_like(logits)
    rows = torch.arange(logits.shape[0])
    relevance[rows, targets] = logits[rows, targets]
    for i in reversed(range(len(layers))):
        relevance = rule_for(layers, i)(layers[i], activations[i], activations[i + 1], relevance)
    return relevance.detach().numpy()


@reference("lrp_epsilon")
def lrp_epsilon(ctx):
    """Captum's LRP with EpsilonRule(epsilon) on every layer but ReLU and dropout, which pass relevance on."""
    eps = float(ctx.params["epsilon"])

    def rule_for(layers, i):
        return pass_rule if isinstance(layers[i], (torch.nn.ReLU, torch.nn.Dropout)) else epsilon_rule(eps)
    return _lrp(list(ctx.model), ctx.inputs, ctx.targets, rule_for)


def _zennit(ctx, weighted_rule, first_rule=None, linear_rule=None):
    """Zennit's base layer map after folding batch norms: ReLU and batch norm pass, average pooling the epsilon rule
    with the stabilizer (Norm), other unweighted layers their gradient; convolutions weighted_rule, linear layers
    linear_rule (default weighted_rule), and the first weighted layer first_rule if given."""
    stabilizer = float(ctx.params["stabilizer"])
    layers = list(fold_batch_norms(ctx.model))
    weighted = [i for i, m in enumerate(layers) if isinstance(m, (torch.nn.Conv1d, torch.nn.Linear))]

    def rule_for(layers, i):
        m = layers[i]
        if first_rule is not None and weighted and i == weighted[0]:
            return first_rule
        if isinstance(m, torch.nn.Conv1d):
            return weighted_rule
        if isinstance(m, torch.nn.Linear):
            return linear_rule or weighted_rule
        if isinstance(m, (torch.nn.ReLU, torch.nn.BatchNorm1d)):
            return pass_rule
        if isinstance(m, (torch.nn.AvgPool1d, torch.nn.AdaptiveAvgPool1d)):
            return epsilon_rule(stabilizer)
        return gradient_rule
    return _lrp(layers, ctx.inputs, ctx.targets, rule_for)


@reference("lrp_gamma")
def lrp_gamma(ctx):
    return _zennit(ctx, gamma_rule(float(ctx.params["gamma"]), float(ctx.params["stabilizer"])))


@reference("lrp_alpha_beta")
def lrp_alpha_beta(ctx):
    p = ctx.params
    return _zennit(ctx, alpha_beta_rule(float(p["alpha"]), float(p["beta"]), float(p["stabilizer"])))


@reference("lrp_z_plus")
def lrp_z_plus(ctx):
    return _zennit(ctx, z_plus_rule(float(ctx.params["stabilizer"])))


@reference("lrp_flat")
def lrp_flat(ctx):
    return _zennit(ctx, flat_rule(float(ctx.params["stabilizer"])))


@reference("lrp_epsilon_plus_flat")
def lrp_epsilon_plus_flat(ctx):
    """Zennit's EpsilonPlusFlat: flat first, z-plus convolutions, epsilon linear layers."""
    s = float(ctx.params["stabilizer"])
    return _zennit(ctx, z_plus_rule(s), first_rule=flat_rule(s), linear_rule=epsilon_rule(float(ctx.params["epsilon"])))


@reference("lrp_epsilon_gamma_flat")
def lrp_epsilon_gamma_flat(ctx):
    """After Zennit's EpsilonGammaBox with flat instead of z-box: flat first, gamma convolutions, epsilon linear."""
    p = ctx.params
    s = float(p["stabilizer"])
    return _zennit(ctx, gamma_rule(float(p["gamma"]), s), first_rule=flat_rule(s),
                   linear_rule=epsilon_rule(float(p["epsilon"])))
