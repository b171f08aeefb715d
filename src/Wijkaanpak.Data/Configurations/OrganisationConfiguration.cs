using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Organisations;

namespace Wijkaanpak.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(organisation => organisation.Id);
        builder.Property(organisation => organisation.Id).ValueGeneratedNever();
        builder.Property(organisation => organisation.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(organisation => organisation.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(organisation => organisation.Version).IsRowVersion();
        builder.HasIndex(organisation => organisation.Name).IsUnique();
    }
}
