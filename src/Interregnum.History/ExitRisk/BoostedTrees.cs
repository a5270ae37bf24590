using System.Globalization;

namespace Interregnum.History.ExitRisk;

/// <summary>
/// Settings of <see cref="BoostedTrees"/>. Immutable.
/// </summary>
/// <param name="Trees">Boosting rounds (at least 1).</param>
/// <param name="Depth">Depth of each tree (1 = stumps; at most 6).</param>
/// <param name="LearningRate">Shrinkage of each tree's leaf values, in (0, 1].</param>
/// <param name="MinChildWeight">Least sum of p(1 − p) (the Hessian) in a leaf; splits that leave less are not made.</param>
/// <param name="Lambda">L2 penalty on leaf values (the λ of XGBoost; leaf value = −G / (H + λ)).</param>
/// <param name="Bins">Most distinct split points per covariate (quantile bins of the training values).</param>
/// <param name="Blend">
/// Weight of the trees where their probability is averaged with the logit's (an ensemble, as Ward and Beger 2017 average
/// their models): 1 = the trees alone, 0.5 = the mean of the two.
/// </param>
public sealed record BoostedTreesSettings(int Trees = 200, int Depth = 2, double LearningRate = 0.05, double MinChildWeight = 5, double Lambda = 1, int Bins = 32, double Blend = 1)
{
    /// <summary>Problems with the settings (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Trees < 1 || Depth is < 1 or > 6 || !(LearningRate is > 0 and <= 1) || !(MinChildWeight >= 0) || !(Lambda >= 0) || Bins is < 2 or > 255 || !(Blend is > 0 and <= 1))
        {
            errors.Add($"boosting settings out of range (trees >= 1, depth 1..6, learning rate in (0, 1], min child weight >= 0, lambda >= 0, bins 2..255, blend in (0, 1]): {this}");
        }

        return errors;
    }

    /// <summary>Reads "trees,depth,rate[,min_child_weight[,lambda[,blend]]]", e.g. "300,2,0.05".</summary>
    /// <exception cref="FormatException">Not numbers in that form.</exception>
    public static BoostedTreesSettings Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 3 or > 6)
        {
            throw new FormatException($"expected trees,depth,rate[,min_child_weight[,lambda[,blend]]], got '{text}'");
        }

        var d = new BoostedTreesSettings(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture));
        return d with
        {
            MinChildWeight = parts.Length > 3 ? double.Parse(parts[3], CultureInfo.InvariantCulture) : d.MinChildWeight,
            Lambda = parts.Length > 4 ? double.Parse(parts[4], CultureInfo.InvariantCulture) : d.Lambda,
            Blend = parts.Length > 5 ? double.Parse(parts[5], CultureInfo.InvariantCulture) : d.Blend,
        };
    }
}

/// <summary>
/// Gradient-boosted regression trees for a binary outcome under the logistic loss (Friedman 2001; the second-order
/// leaf values of Chen and Guestrin 2016, XGBoost): start from the log-odds of the base rate, then add trees fitted to
/// the gradient, each leaf −G / (H + λ) times the learning rate. Splits are searched over quantile bins of each
/// covariate. No sampling of rows or columns, so a fit is a function of its inputs alone (deterministic).
/// Immutable; thread-safe.
/// </summary>
public sealed class BoostedTrees
{
    // Each tree is a complete binary tree of depth D in arrays: internal node j (0-based, heap order) splits on
    // feature[j] at threshold[j] (x <= threshold goes left); leaves are the last 2^D slots of value.
    private readonly int[][] features;
    private readonly double[][] thresholds;
    private readonly double[][] leaves;

    private BoostedTrees(BoostedTreesSettings settings, double intercept, int[][] features, double[][] thresholds, double[][] leaves)
    {
        Settings = settings;
        Intercept = intercept;
        this.features = features;
        this.thresholds = thresholds;
        this.leaves = leaves;
    }

    /// <summary>The settings fitted with.</summary>
    public BoostedTreesSettings Settings { get; }

    /// <summary>The starting log-odds: ln(rate / (1 − rate)) of the outcome in the fitting rows.</summary>
    public double Intercept { get; }

    /// <summary>Fits the trees.</summary>
    /// <param name="x">n × p covariates.</param>
    /// <param name="y">Outcome of each row (true = event).</param>
    /// <param name="settings">Settings.</param>
    /// <exception cref="ArgumentException">Mismatched sizes, no rows, an outcome that never or always happens, or invalid settings.</exception>
    public static BoostedTrees Fit(double[,] x, IReadOnlyList<bool> y, BoostedTreesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        }

        var n = x.GetLength(0);
        var p = x.GetLength(1);
        if (y.Count != n || n == 0)
        {
            throw new ArgumentException($"{y.Count} outcomes for {n} rows", nameof(y));
        }

        var events = y.Count(v => v);
        if (events == 0 || events == n)
        {
            throw new ArgumentException("the outcome must both happen and not happen", nameof(y));
        }

        // Candidate thresholds per feature: distinct values at quantile cuts; bin[i, a] = index of the first cut >= x.
        var cuts = new double[p][];
        var bin = new byte[n, p];
        for (var a = 0; a < p; a++)
        {
            var sorted = Enumerable.Range(0, n).Select(i => x[i, a]).Order().ToArray();
            var distinct = new SortedSet<double>();
            for (var b = 1; b <= settings.Bins; b++)
            {
                distinct.Add(sorted[Math.Max(0, (int)((long)b * n / settings.Bins) - 1)]);
            }

            cuts[a] = [.. distinct];
            for (var i = 0; i < n; i++)
            {
                var k = Array.BinarySearch(cuts[a], x[i, a]);
                bin[i, a] = (byte)(k >= 0 ? k : Math.Min(~k, cuts[a].Length - 1));
            }
        }

        var rate = events / (double)n;
        var intercept = Math.Log(rate / (1 - rate));
        var score = Enumerable.Repeat(intercept, n).ToArray();
        var g = new double[n];
        var h = new double[n];
        var depth = settings.Depth;
        var internalCount = (1 << depth) - 1;
        var features = new int[settings.Trees][];
        var thresholds = new double[settings.Trees][];
        var leaves = new double[settings.Trees][];
        var node = new int[n];
        var maxBins = cuts.Max(c => c.Length);
        for (var t = 0; t < settings.Trees; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var prob = 1 / (1 + Math.Exp(-score[i]));
                g[i] = prob - (y[i] ? 1 : 0);
                h[i] = Math.Max(prob * (1 - prob), 1e-12);
                node[i] = 0;
            }

            var feature = new int[internalCount];
            var threshold = new double[internalCount];
            for (var level = 0; level < depth; level++)
            {
                var first = (1 << level) - 1;
                var width = 1 << level;

                // Sums per node of this level.
                var gNode = new double[width];
                var hNode = new double[width];
                for (var i = 0; i < n; i++)
                {
                    gNode[node[i] - first] += g[i];
                    hNode[node[i] - first] += h[i];
                }

                var bestGain = new double[width];
                var bestFeature = Enumerable.Repeat(-1, width).ToArray();
                var bestCut = new int[width];
                var gBins = new double[width * maxBins];
                var hBins = new double[width * maxBins];
                for (var a = 0; a < p; a++)
                {
                    var m = cuts[a].Length;
                    Array.Clear(gBins);
                    Array.Clear(hBins);
                    for (var i = 0; i < n; i++)
                    {
                        var slot = ((node[i] - first) * maxBins) + bin[i, a];
                        gBins[slot] += g[i];
                        hBins[slot] += h[i];
                    }

                    for (var j = 0; j < width; j++)
                    {
                        double gl = 0, hl = 0;
                        var parent = gNode[j] * gNode[j] / (hNode[j] + settings.Lambda);
                        for (var c = 0; c < m - 1; c++)
                        {
                            gl += gBins[(j * maxBins) + c];
                            hl += hBins[(j * maxBins) + c];
                            var gr = gNode[j] - gl;
                            var hr = hNode[j] - hl;
                            if (hl < settings.MinChildWeight || hr < settings.MinChildWeight)
                            {
                                continue;
                            }

                            var gain = (gl * gl / (hl + settings.Lambda)) + (gr * gr / (hr + settings.Lambda)) - parent;
                            if (gain > bestGain[j] + 1e-12)
                            {
                                bestGain[j] = gain;
                                bestFeature[j] = a;
                                bestCut[j] = c;
                            }
                        }
                    }
                }

                for (var j = 0; j < width; j++)
                {
                    // No useful split: send every row left (threshold +∞), the right child stays empty.
                    feature[first + j] = Math.Max(0, bestFeature[j]);
                    threshold[first + j] = bestFeature[j] < 0 ? double.PositiveInfinity : cuts[bestFeature[j]][bestCut[j]];
                }

                for (var i = 0; i < n; i++)
                {
                    var k = node[i];
                    node[i] = (2 * k) + (x[i, feature[k]] <= threshold[k] ? 1 : 2);
                }
            }

            var leafG = new double[1 << depth];
            var leafH = new double[1 << depth];
            for (var i = 0; i < n; i++)
            {
                leafG[node[i] - internalCount] += g[i];
                leafH[node[i] - internalCount] += h[i];
            }

            var leaf = new double[1 << depth];
            for (var l = 0; l < leaf.Length; l++)
            {
                leaf[l] = leafH[l] > 0 ? -settings.LearningRate * leafG[l] / (leafH[l] + settings.Lambda) : 0;
            }

            for (var i = 0; i < n; i++)
            {
                score[i] += leaf[node[i] - internalCount];
            }

            features[t] = feature;
            thresholds[t] = threshold;
            leaves[t] = leaf;
        }

        return new BoostedTrees(settings, intercept, features, thresholds, leaves);
    }

    /// <summary>The fitted probability of the event for one covariate vector.</summary>
    public double Predict(ReadOnlySpan<double> covariates)
    {
        var s = Intercept;
        for (var t = 0; t < features.Length; t++)
        {
            var k = 0;
            var feature = features[t];
            var threshold = thresholds[t];
            while (k < feature.Length)
            {
                k = (2 * k) + (covariates[feature[k]] <= threshold[k] ? 1 : 2);
            }

            s += leaves[t][k - feature.Length];
        }

        return 1 / (1 + Math.Exp(-s));
    }
}
