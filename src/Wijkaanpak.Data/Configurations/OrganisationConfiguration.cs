using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Organisations;

namespace Wijkaanpak.Data.Configurations;

/// <summary>
/// The register of organisations: a row in <c>organisations</c>, its representatives in
/// <c>organisation_representatives</c> (a table: looked up by the account they sign in with).
/// </summary>
internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>, IEntityTypeConfiguration<Representative>
{
    private const string OrganisationForeignKey = "OrganisationId";

    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(organisation => organisation.Id);
        builder.Property(organisation => organisation.Id).ValueGeneratedNever();
        builder.Property(organisation => organisation.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(organisation => organisation.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(organisation => organisation.Version).IsRowVersion();
        builder.HasIndex(organisation => organisation.Name).IsUnique();

        builder.HasMany(organisation => organisation.Representatives)
            .WithOne()
            .HasForeignKey(OrganisationForeignKey)
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(organisation => organisation.Representatives)
            .HasField("_representatives")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<Representative> builder)
    {
        builder.ToTable("organisation_representatives");
        builder.HasKey(representative => representative.Id);
        builder.Property(representative => representative.Id).ValueGeneratedNever();
        builder.Property<OrganisationId>(OrganisationForeignKey);
        builder.Property(representative => representative.Name).HasMaxLength(Representative.NameMaxLength).IsRequired();
        builder.Property(representative => representative.Function).HasMaxLength(Representative.FunctionMaxLength).IsRequired();
        builder.Property(representative => representative.Email).HasMaxLength(Representative.ContactMaxLength).IsRequired();
        builder.Property(representative => representative.Phone).HasMaxLength(Representative.ContactMaxLength).IsRequired();
        builder.HasIndex(representative => representative.UserId);
    }
}
