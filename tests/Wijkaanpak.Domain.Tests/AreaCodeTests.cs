using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Tests;

public sealed class AreaCodeTests
{
    [Theory]
    [InlineData("GM0363", AreaLevel.Gemeente)]
    [InlineData("WK036301", AreaLevel.Wijk)]
    [InlineData("BU03630101", AreaLevel.Buurt)]
    [InlineData(" bu03630101 ", AreaLevel.Buurt)]
    public void TryParse_WithCbsCode_ReturnsItsLevel(string text, AreaLevel level)
    {
        Assert.True(AreaCode.TryParse(text, out var code));
        Assert.Equal(level, code!.Level);
        Assert.Equal(text.Trim().ToUpperInvariant(), code.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("GM363")]
    [InlineData("WK0363011")]
    [InlineData("BU0363010")]
    [InlineData("XX036301")]
    [InlineData("WK03630A")]
    [InlineData("WK０３６３０１")]
    public void TryParse_WithAnythingElse_Fails(string? text) => Assert.False(AreaCode.TryParse(text, out _));
}
