using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("programmes");
        builder.HasKey(programme => programme.Id);
        builder.Property(programme => programme.Id).ValueGeneratedNever();
        builder.Property(programme => programme.Name).HasMaxLength(Programme.NameMaxLength).IsRequired();
        builder.Property(programme => programme.Municipality).HasMaxLength(Programme.MunicipalityMaxLength).IsRequired();
        builder.Property(programme => programme.Description).HasMaxLength(Programme.DescriptionMaxLength).IsRequired();
        builder.Property(programme => programme.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(programme => programme.CurrentPhase).HasConversion<string>().HasMaxLength(30);
        builder.Property<List<string>>("_areaCodes").HasColumnName("area_codes").IsRequired();
        builder.Ignore(programme => programme.AreaCodes);
        builder.Ignore(programme => programme.PlannedEndDate);
        builder.Property(programme => programme.Version).IsRowVersion();

        builder.HasIndex(programme => programme.Name);
    }
}
