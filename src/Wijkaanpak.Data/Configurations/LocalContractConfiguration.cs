using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

/// <summary>
/// The lokaal contract: a row in <c>local_contracts</c> (one per programme), its versions in
/// <c>local_contract_versions</c>; each version's commitments and signatures are JSON columns of
/// the version row, only ever read and written with it. Every change touches the contract row's
/// <c>last_changed_at</c>, so its xmin guards the versions (ADR 0004).
/// </summary>
internal sealed class LocalContractConfiguration : IEntityTypeConfiguration<LocalContract>, IEntityTypeConfiguration<ContractVersion>
{
    private const string ContractForeignKey = "LocalContractId";

    public void Configure(EntityTypeBuilder<LocalContract> builder)
    {
        builder.ToTable("local_contracts");
        builder.HasKey(contract => contract.Id);
        builder.Property(contract => contract.Id).ValueGeneratedNever();
        builder.Property(contract => contract.Version).IsRowVersion();
        builder.Ignore(contract => contract.Latest);
        builder.Ignore(contract => contract.Draft);
        builder.Ignore(contract => contract.InForce);
        builder.HasOne<Programme>().WithOne().HasForeignKey<LocalContract>(contract => contract.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(contract => contract.ProgrammeId).IsUnique();

        builder.HasMany(contract => contract.Versions)
            .WithOne()
            .HasForeignKey(ContractForeignKey)
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(contract => contract.Versions)
            .HasField("_versions")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .AutoInclude();
    }

    public void Configure(EntityTypeBuilder<ContractVersion> builder)
    {
        builder.ToTable("local_contract_versions");
        builder.HasKey(version => version.Id);
        builder.Property(version => version.Id).ValueGeneratedNever();
        builder.Property<LocalContractId>(ContractForeignKey);
        builder.Property(version => version.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(version => version.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(version => version.Title).HasMaxLength(ContractVersion.TitleMaxLength).IsRequired();
        builder.Property(version => version.Principles).HasMaxLength(ContractVersion.SectionMaxLength).IsRequired();
        builder.Property(version => version.AmbitionsAndPriorities).HasMaxLength(ContractVersion.SectionMaxLength).IsRequired();
        builder.Property(version => version.FinancialAgreements).HasMaxLength(ContractVersion.SectionMaxLength).IsRequired();
        builder.Property(version => version.ProcessDirection).HasMaxLength(ContractVersion.SectionMaxLength).IsRequired();
        builder.Property(version => version.ChangeNote).HasMaxLength(ContractVersion.ChangeNoteMaxLength).IsRequired();
        builder.Ignore(version => version.EvaluationDue);
        builder.Ignore(version => version.IsFrozen);
        builder.Ignore(version => version.Sections);
        builder.Ignore(version => version.Parties);
        builder.Ignore(version => version.UnsignedParties);

        builder.Ignore(version => version.Commitments);
        builder.ComplexCollection<List<ContractCommitment>, ContractCommitment>("_commitments", commitments =>
        {
            commitments.ToJson("commitments");
            commitments.Ignore(commitment => commitment.TotalEuros);
            commitments.ComplexCollection(commitment => commitment.Amounts);
        });

        builder.Ignore(version => version.Signatures);
        builder.ComplexCollection<List<ContractSignature>, ContractSignature>("_signatures", signatures =>
        {
            signatures.ToJson("signatures");
            signatures.ComplexProperty(signature => signature.RecordedBy, UserRefMapping.Map);
        });

        builder.HasIndex(ContractForeignKey, nameof(ContractVersion.Number)).IsUnique();
    }
}
