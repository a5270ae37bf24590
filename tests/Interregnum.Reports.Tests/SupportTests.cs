using Xunit;

namespace Interregnum.Reports.Tests;

public sealed class SupportTests
{
    [Fact]
    public void Circular_FourActorsTwoOrganizations_SitOnTheirRings()
    {
        // Given four actors and two organizations
        NetworkNode[] nodes =
        [
            new("a", "A", NetworkNodeKind.Actor, 1), new("o1", "O1", NetworkNodeKind.Organization, 1),
            new("b", "B", NetworkNodeKind.Actor, 1), new("c", "C", NetworkNodeKind.Actor, 1),
            new("o2", "O2", NetworkNodeKind.Organization, 1), new("d", "D", NetworkNodeKind.Actor, 1),
        ];

        // When laid out
        var layout = NetworkLayout.Circular(nodes);

        // Then, by hand: actors clockwise from the top on the unit circle at 90°, 0°, -90°, -180°;
        // organizations without heads on radius 0.5 in the half-steps between spokes: o1 in the first
        // (45°), o2 in the one farthest from it (-135°); 0.5/sqrt 2 = 0.35355339.
        const double Tolerance = 1e-12;
        AssertAt(layout["a"], 0, 1, Tolerance);
        AssertAt(layout["b"], 1, 0, Tolerance);
        AssertAt(layout["c"], 0, -1, Tolerance);
        AssertAt(layout["d"], -1, 0, Tolerance);
        AssertAt(layout["o1"], 0.35355339059327373, 0.35355339059327373, Tolerance);
        AssertAt(layout["o2"], -0.35355339059327373, -0.35355339059327373, Tolerance);
    }

    [Fact]
    public void Circular_OrganizationsWithHeads_SitOnTheHeadsSpoke()
    {
        // Given four actors; b heads o1 and o2; o3 has no head
        NetworkNode[] nodes =
        [
            new("a", "A", NetworkNodeKind.Actor, 1), new("b", "B", NetworkNodeKind.Actor, 1),
            new("c", "C", NetworkNodeKind.Actor, 1), new("d", "D", NetworkNodeKind.Actor, 1),
            new("o1", "O1", NetworkNodeKind.Organization, 1), new("o2", "O2", NetworkNodeKind.Organization, 1),
            new("o3", "O3", NetworkNodeKind.Organization, 1),
        ];
        HeadOfEdge[] heads = [new("b", "o1"), new("b", "o2")];

        // When laid out
        var layout = NetworkLayout.Circular(nodes, heads);

        // Then, by hand (turns clockwise from the top, angle = 90° - 360° * turn, inner radius 0.5):
        // o1 on b's spoke, turn 1/4: angle 0° -> (0.5, 0).
        // o2 a third of a step (1/12) further: turn 1/3, angle -30° -> (0.5 cos 30°, -0.5 sin 30°) = (0.4330127, -0.25).
        // o3 in the free half-step slot farthest from turns 1/4 and 1/3: slots 1/8, 3/8, 5/8, 7/8 are
        // 1/8, 1/24, 7/24, 3/8 away, so 7/8: angle -225° -> (-0.5/sqrt 2, 0.5/sqrt 2) = (-0.3535534, 0.3535534).
        const double Tolerance = 1e-7;
        AssertAt(layout["o1"], 0.5, 0, Tolerance);
        AssertAt(layout["o2"], 0.4330127, -0.25, Tolerance);
        AssertAt(layout["o3"], -0.3535534, 0.3535534, Tolerance);
    }

    [Theory]
    [InlineData(0.4237, "42.4%")]
    [InlineData(0.0, "0.0%")]
    [InlineData(1.0, "100.0%")]
    [InlineData(0.00049, "0.0%")]
    public void Percent_Probability_OneDecimal(double p, string expected) => Assert.Equal(expected, BriefFormat.Percent(p));

    [Theory]
    [InlineData(4.26, "+4.3")]
    [InlineData(-3.6, "-3.6")]
    [InlineData(0.0, "0.0")]
    public void Signed_Shift_ShowsItsSign(double value, string expected) => Assert.Equal(expected, BriefFormat.Signed(value));

    [Fact]
    public void Prepare_TwoCharts_GetDistinctIdsAndAViewBox()
    {
        const string Svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\"><clipPath id=\"cl_7\"><rect/></clipPath><g clip-path=\"url(#cl_7)\"><text font-family=\"DejaVu Sans\">a</text></g></svg>";

        var one = SvgEmbedding.Prepare(Svg, "chart-one", "One");
        var two = SvgEmbedding.Prepare(Svg.Replace("cl_7", "cl_9", StringComparison.Ordinal), "chart-two", "Two");

        Assert.StartsWith("<svg ", one, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 400 300\"", one, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-one-0\"", one, StringComparison.Ordinal);
        Assert.Contains("url(#chart-one-0)", one, StringComparison.Ordinal);
        Assert.Contains("url(#chart-two-0)", two, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-one-title\">One</title>", one, StringComparison.Ordinal);
        Assert.Contains("font-family=\"DejaVu Sans, Verdana, sans-serif\"", one, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", one, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAvailable_BlankReason_Throws() =>
        Assert.Throws<ArgumentException>(() => BriefSection.NotAvailable<PowerTable>(" "));

    private static void AssertAt((double X, double Y) actual, double x, double y, double tolerance)
    {
        Assert.Equal(x, actual.X, tolerance);
        Assert.Equal(y, actual.Y, tolerance);
    }
}
