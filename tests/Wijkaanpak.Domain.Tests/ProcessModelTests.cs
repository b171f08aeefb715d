using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Tests;

public sealed class ProcessModelTests
{
    [Fact]
    public void BuildingBlocks_HaveNineteenChecklistsAsTheHandbook() =>
        Assert.Equal(19, ProcessModel.BuildingBlocks.Count(block => block.HasChecklist));

    [Theory]
    [InlineData(Phase.Orienteren, 6)]
    [InlineData(Phase.Opstarten, 4)]
    [InlineData(Phase.Ontwerpen, 4)]
    [InlineData(Phase.UitvoerenEnHerijken, 6)]
    public void BlocksOf_EachPhase_HasItsBuildingBlocks(Phase phase, int count) =>
        Assert.Equal(count, ProcessModel.BlocksOf(phase).Count());

    [Fact]
    public void Phases_AreInTheOrderOfTheModel() =>
        Assert.Equal([Phase.Orienteren, Phase.Opstarten, Phase.Ontwerpen, Phase.UitvoerenEnHerijken], ProcessModel.Phases);

    [Fact]
    public void SourceSection_OfTheSharedChecklist_NamesBothSections() =>
        Assert.Equal("§5.4–§5.5", ProcessModel.BuildingBlocks.Single(block => block.Code == "5.4-5.5").SourceSection);
}
