using Interregnum.History.Loading;
using Xunit;

namespace Interregnum.History.Tests;

public sealed class DatasetCatalogTests
{
    [Fact]
    public void ResolveFolder_NoOptionNoVariable_IsNull()
    {
        Assert.Null(DatasetCatalog.ResolveFolder(null, _ => null));
        Assert.Equal("/from/env", DatasetCatalog.ResolveFolder(null, name => name == "INTERREGNUM_DATA" ? "/from/env" : null));
        Assert.Equal("/explicit", DatasetCatalog.ResolveFolder("/explicit", _ => "/from/env"));
    }

    [Fact]
    public void NoDataFolderMessage_NamesEachDatasetFilesAndOrigin_OneLineEach()
    {
        var message = DatasetCatalog.NoDataFolderMessage([DatasetCatalog.Archigos, DatasetCatalog.JonesOlken]);
        var lines = message.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("--data DIR", lines[0], StringComparison.Ordinal);
        Assert.Contains("archigos-4.1/archigos_4.1.csv", lines[1], StringComparison.Ordinal);
        Assert.Contains("rochester.edu", lines[1], StringComparison.Ordinal);
        Assert.Contains("jones-olken-2009/leader_year_merged.csv", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_EveryDataset_HasFolderFilesOriginAndCitation()
    {
        Assert.Equal(9, DatasetCatalog.All.Count);
        Assert.All(DatasetCatalog.All, d =>
        {
            Assert.NotEmpty(d.Files);
            Assert.False(string.IsNullOrWhiteSpace(d.Origin));
            Assert.False(string.IsNullOrWhiteSpace(d.Citation));
            Assert.Same(d, DatasetCatalog.Find(d.Key));
        });
    }
}
