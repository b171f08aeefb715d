using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;

namespace Wijkaanpak.Data.Configurations;

/// <summary>An opgave: a row in <c>opgaven</c>, its stories as a JSON column read with it.</summary>
internal sealed class OpgaveConfiguration : IEntityTypeConfiguration<Opgave>
{
    public void Configure(EntityTypeBuilder<Opgave> builder)
    {
        builder.ToTable("opgaven");
        builder.HasKey(opgave => opgave.Id);
        builder.Property(opgave => opgave.Id).ValueGeneratedNever();
        builder.Property(opgave => opgave.Domain).HasConversion<string>().HasMaxLength(30);
        builder.Property(opgave => opgave.Title).HasMaxLength(Opgave.TitleMaxLength).IsRequired();
        builder.Property(opgave => opgave.Description).HasMaxLength(Opgave.DescriptionMaxLength).IsRequired();
        builder.PrimitiveCollection(opgave => opgave.IndicatorIds).HasField("_indicatorIds").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.Property(opgave => opgave.Version).IsRowVersion();
        builder.Ignore(opgave => opgave.Stories);
        builder.ComplexCollection<List<Story>, Story>("_stories", stories =>
        {
            stories.ToJson("stories");
            stories.Property(story => story.Method).HasConversion<string>();
            stories.ComplexProperty(story => story.RecordedBy, UserRefMapping.Map);
        });
        builder.HasOne<Programme>().WithMany().HasForeignKey(opgave => opgave.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(opgave => opgave.ProgrammeId);
    }
}

/// <summary>
/// The vision: one row per programme in <c>visions</c>; ambitions with their goals as one JSON
/// column. The tree is small (a mission, some ambitions, a few goals each), always read whole,
/// and changed as a whole under the row's xmin.
/// </summary>
internal sealed class VisionStatementConfiguration : IEntityTypeConfiguration<VisionStatement>
{
    public void Configure(EntityTypeBuilder<VisionStatement> builder)
    {
        builder.ToTable("visions");
        builder.HasKey(vision => vision.Id);
        builder.Property(vision => vision.Id).ValueGeneratedNever();
        builder.Property(vision => vision.Mission).HasMaxLength(VisionStatement.MissionMaxLength).IsRequired();
        builder.Property(vision => vision.Version).IsRowVersion();
        builder.Ignore(vision => vision.Ambitions);
        builder.ComplexCollection<List<Ambition>, Ambition>("_ambitions", ambitions =>
        {
            ambitions.ToJson("ambitions");
            ambitions.PrimitiveCollection(ambition => ambition.OpgaveIds).HasField("_opgaveIds").UsePropertyAccessMode(PropertyAccessMode.Field);
            ambitions.Ignore(ambition => ambition.Goals);
            ambitions.ComplexCollection<List<Goal>, Goal>("_goals", goals => goals.HasJsonPropertyName(nameof(Ambition.Goals)));
        });
        builder.HasOne<Programme>().WithOne().HasForeignKey<VisionStatement>(vision => vision.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(vision => vision.ProgrammeId).IsUnique();
    }
}
