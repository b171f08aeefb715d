using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Data.Access;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(user => user.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength).IsRequired();
        builder.HasIndex(user => user.OrganisationId);
    }
}

internal sealed class ProgrammeMemberConfiguration : IEntityTypeConfiguration<ProgrammeMember>
{
    public void Configure(EntityTypeBuilder<ProgrammeMember> builder)
    {
        builder.ToTable("programme_members");
        builder.HasKey(member => new { member.ProgrammeId, member.UserId });
        builder.HasIndex(member => member.UserId);
        builder.HasOne<Programme>().WithMany().HasForeignKey(member => member.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(member => member.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The four roles come with the schema, with fixed ids, so every environment has them.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(Enum.GetValues<Role>().Select(role => new IdentityRole<Guid>
        {
            Id = new Guid($"00000000-0000-0000-0000-{(int)role:D12}"),
            Name = role.ToString(),
            NormalizedName = role.ToString().ToUpperInvariant(),
            ConcurrencyStamp = role.ToString(),
        }));
}
