using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

/// <summary>
/// One version of a checklist template: a row in <c>checklist_templates</c>. The questions are a
/// JSON column: a version never changes, holds at most 30 questions, and is always read whole.
/// No concurrency token (a version is never edited); the unique index on (block, version number)
/// stops two Beheerders from creating the same next version.
/// </summary>
internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    /// <summary>"5.4-5.5" is the longest code of the process model.</summary>
    internal const int BuildingBlockCodeMaxLength = 20;

    public void Configure(EntityTypeBuilder<ChecklistTemplate> builder)
    {
        builder.ToTable("checklist_templates");
        builder.HasKey(template => template.Id);
        builder.Property(template => template.Id).ValueGeneratedNever();
        builder.Property(template => template.BuildingBlockCode).HasMaxLength(BuildingBlockCodeMaxLength).IsRequired();
        builder.Property(template => template.Title).HasMaxLength(ChecklistTemplate.TitleMaxLength).IsRequired();
        builder.Property(template => template.Purpose).HasMaxLength(ChecklistTemplate.PurposeMaxLength).IsRequired();
        builder.Property(template => template.SourceSection).HasMaxLength(ChecklistTemplate.SourceSectionMaxLength).IsRequired();
        builder.Property(template => template.ChangeNote).HasMaxLength(ChecklistTemplate.ChangeNoteMaxLength).IsRequired();
        builder.Ignore(template => template.BuildingBlock);

        // Null for the seeded first versions: an optional complex type, two nullable columns.
        builder.ComplexProperty(template => template.CreatedBy, UserRefMapping.Map);

        builder.Ignore(template => template.Questions);
        builder.ComplexCollection<List<ChecklistQuestion>, ChecklistQuestion>("_questions", questions => questions.ToJson("questions"));

        builder.HasIndex(template => new { template.BuildingBlockCode, template.VersionNumber }).IsUnique();
    }
}

/// <summary>
/// A programme's checklist for one block and cycle: a row in <c>programme_checklists</c>, with its
/// current answers in <c>programme_checklist_answers</c> and its append-only history in
/// <c>programme_checklist_answer_revisions</c>.
/// </summary>
/// <remarks>
/// <para>
/// Answers and revisions get tables, not JSON columns: completion per block, phase and programme
/// will be computed in SQL over many checklists (count the answers whose status counts and whose
/// key is in <c>question_keys</c>), which wants rows and an index; and the history only grows,
/// so it should not be rewritten or loaded with every save of a checklist.
/// </para>
/// <para>
/// They are entity types with their own Guid key and a shadow foreign key, not owned types,
/// because each carries a <c>UserRef</c> as a complex type and EF Core 10 has no complex types
/// inside owned types; and because only an entity's collection can be left unloaded (below).
/// They have no DbSet and are reached through the checklist only; this class configures them,
/// so the aggregate's mapping stays in one place.
/// </para>
/// <para>
/// The current answers are always loaded with the checklist (<c>AutoInclude</c>): without them
/// completion would read as zero and answering again would insert a second answer. The history
/// is not: <c>Answer</c> only appends to it, which works on an unloaded collection, and readers
/// of the history ask for it with <c>Include(checklist =&gt; checklist.AnswerHistory)</c>.
/// Every change to an answer also changes the checklist row (content revision, last change),
/// so the checklist's xmin guards the answers too (ADR 0004).
/// </para>
/// </remarks>
internal sealed class ProgrammeChecklistConfiguration
    : IEntityTypeConfiguration<ProgrammeChecklist>,
      IEntityTypeConfiguration<ChecklistAnswer>,
      IEntityTypeConfiguration<ChecklistAnswerRevision>,
      IEntityTypeConfiguration<ChecklistSignOff>
{
    private const string ChecklistForeignKey = "ProgrammeChecklistId";
    private const int StatusMaxLength = 30;

    public void Configure(EntityTypeBuilder<ProgrammeChecklist> builder)
    {
        builder.ToTable("programme_checklists");
        builder.HasKey(checklist => checklist.Id);
        builder.Property(checklist => checklist.Id).ValueGeneratedNever();
        builder.Property(checklist => checklist.BuildingBlockCode).HasMaxLength(ChecklistTemplateConfiguration.BuildingBlockCodeMaxLength).IsRequired();
        builder.PrimitiveCollection(checklist => checklist.QuestionKeys)
            .HasField("_questionKeys")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .IsRequired();
        builder.Ignore(checklist => checklist.IsClosed);
        builder.Ignore(checklist => checklist.Completion);
        builder.Property(checklist => checklist.Version).IsRowVersion();

        // Restrict: answered checklists are part of the programme's record, like its decisions.
        builder.HasOne<Programme>().WithMany().HasForeignKey(checklist => checklist.ProgrammeId).OnDelete(DeleteBehavior.Restrict);

        // Template versions are never deleted while anything answers them.
        builder.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(checklist => checklist.TemplateId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(checklist => checklist.Answers)
            .WithOne()
            .HasForeignKey(ChecklistForeignKey)
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(checklist => checklist.Answers)
            .HasField("_answers")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .AutoInclude();

        builder.HasMany(checklist => checklist.AnswerHistory)
            .WithOne()
            .HasForeignKey(ChecklistForeignKey)
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(checklist => checklist.AnswerHistory)
            .HasField("_answerHistory")
            .UsePropertyAccessMode(PropertyAccessMode.Field);

        // Sign-offs are few per checklist and decide what the page shows: always loaded.
        builder.HasMany(checklist => checklist.SignOffs)
            .WithOne()
            .HasForeignKey(ChecklistForeignKey)
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(checklist => checklist.SignOffs)
            .HasField("_signOffs")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .AutoInclude();

        builder.HasIndex(checklist => new { checklist.ProgrammeId, checklist.BuildingBlockCode, checklist.Cycle }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ChecklistSignOff> builder)
    {
        builder.ToTable("checklist_sign_offs");
        builder.HasKey(signOff => signOff.Id);
        builder.Property(signOff => signOff.Id).ValueGeneratedNever();
        builder.Property<ProgrammeChecklistId>(ChecklistForeignKey);
        builder.Property(signOff => signOff.OrganisationName).HasMaxLength(Domain.Organisations.Organisation.NameMaxLength).IsRequired();
        builder.Property(signOff => signOff.Remark).HasMaxLength(ChecklistSignOff.RemarkMaxLength).IsRequired();
        builder.ComplexProperty(signOff => signOff.SignedBy, UserRefMapping.Map);
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(signOff => signOff.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // A sign-off does not change the checklist row, so its xmin does not stop the same
        // organisation signing the same revision twice at once: this index does (23505 = conflict).
        builder.HasIndex(ChecklistForeignKey, nameof(ChecklistSignOff.OrganisationId), nameof(ChecklistSignOff.SignedRevision)).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ChecklistAnswer> builder)
    {
        builder.ToTable("programme_checklist_answers");
        builder.HasKey(answer => answer.Id);
        builder.Property(answer => answer.Id).ValueGeneratedNever();
        builder.Property<ProgrammeChecklistId>(ChecklistForeignKey);
        builder.Property(answer => answer.QuestionKey).HasMaxLength(ChecklistQuestion.KeyMaxLength).IsRequired();
        builder.Property(answer => answer.Status).HasConversion<string>().HasMaxLength(StatusMaxLength);
        builder.Property(answer => answer.Explanation).HasMaxLength(ProgrammeChecklist.ExplanationMaxLength).IsRequired();
        builder.PrimitiveCollection(answer => answer.EvidenceLinks)
            .HasField("_evidenceLinks")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .IsRequired();
        builder.ComplexProperty(answer => answer.AnsweredBy, UserRefMapping.Map);

        // One current answer per question of a checklist. Two people giving the first answer to the
        // same question at the same time meet this index before the checklist's xmin check (EF Core
        // inserts the answer before it updates the checklist): that save fails with a unique
        // violation (23505) on this index, not a DbUpdateConcurrencyException; treat it as a conflict.
        builder.HasIndex(ChecklistForeignKey, nameof(ChecklistAnswer.QuestionKey)).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ChecklistAnswerRevision> builder)
    {
        builder.ToTable("programme_checklist_answer_revisions");
        builder.HasKey(revision => revision.Id);
        builder.Property(revision => revision.Id).ValueGeneratedNever();
        builder.Property<ProgrammeChecklistId>(ChecklistForeignKey);
        builder.Property(revision => revision.QuestionKey).HasMaxLength(ChecklistQuestion.KeyMaxLength).IsRequired();
        builder.Property(revision => revision.Status).HasConversion<string>().HasMaxLength(StatusMaxLength);
        builder.Property(revision => revision.Explanation).HasMaxLength(ProgrammeChecklist.ExplanationMaxLength).IsRequired();
        builder.PrimitiveCollection(revision => revision.EvidenceLinks)
            .HasField("_evidenceLinks")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .IsRequired();
        builder.ComplexProperty(revision => revision.AnsweredBy, UserRefMapping.Map);

        // The revision names the template version whose question it answered.
        builder.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(revision => revision.TemplateId).OnDelete(DeleteBehavior.Restrict);

        // The history of a checklist in order. Not unique, although the revision is unique per
        // checklist: a revision is only ever added together with an update of the checklist row,
        // whose xmin already stops a second writer. A unique index would stop that writer first,
        // because EF Core inserts the revision before it updates the checklist, and turn every
        // concurrent answer into a unique violation instead of a DbUpdateConcurrencyException.
        builder.HasIndex(ChecklistForeignKey, nameof(ChecklistAnswerRevision.Revision));
    }
}
