using Interregnum.Statistics;
using Xunit;

namespace Interregnum.Reports.Tests;

public sealed class SurvivalChartTests
{
    [Fact]
    public void SavePng_TwoCurves_WritesAPngFile()
    {
        // Given: two small tenure curves (years in office; true = the spell ended in an exit)
        var short_ = KaplanMeier.Fit([1.0, 2.0, 2.5, 4.0, 7.0], [true, true, false, true, true]);
        var long_ = KaplanMeier.Fit([5.0, 9.0, 12.0, 20.0], [true, false, true, true]);
        var path = Path.Combine(Directory.CreateTempSubdirectory("interregnum-km-").FullName, "km.png");
        try
        {
            // When
            SurvivalChart.SavePng([new SurvivalCurve("short", 5, short_), new SurvivalCurve("long", 4, long_)], path, "Tenure");

            // Then: a PNG (its 4-byte signature, PNG specification §5.2) of some size
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
