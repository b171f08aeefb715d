using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data;

/// <summary>The one place where every strongly typed id of an aggregate root gets its column conversion.</summary>
internal static class StronglyTypedIdConventions
{
    public static void Apply(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<ProgrammeId>().HaveConversion<ProgrammeIdConverter>();
        configurationBuilder.Properties<OrganisationId>().HaveConversion<OrganisationIdConverter>();
        configurationBuilder.Properties<ChecklistTemplateId>().HaveConversion<ChecklistTemplateIdConverter>();
        configurationBuilder.Properties<ProgrammeChecklistId>().HaveConversion<ProgrammeChecklistIdConverter>();
        configurationBuilder.Properties<DecisionId>().HaveConversion<DecisionIdConverter>();
        configurationBuilder.Properties<AllianceId>().HaveConversion<AllianceIdConverter>();
        configurationBuilder.Properties<LocalContractId>().HaveConversion<LocalContractIdConverter>();
        configurationBuilder.Properties<IndicatorId>().HaveConversion<IndicatorIdConverter>();
    }

    private sealed class ProgrammeIdConverter() : ValueConverter<ProgrammeId, Guid>(id => id.Value, value => new ProgrammeId(value));

    private sealed class OrganisationIdConverter() : ValueConverter<OrganisationId, Guid>(id => id.Value, value => new OrganisationId(value));

    private sealed class ChecklistTemplateIdConverter() : ValueConverter<ChecklistTemplateId, Guid>(id => id.Value, value => new ChecklistTemplateId(value));

    private sealed class ProgrammeChecklistIdConverter() : ValueConverter<ProgrammeChecklistId, Guid>(id => id.Value, value => new ProgrammeChecklistId(value));

    private sealed class DecisionIdConverter() : ValueConverter<DecisionId, Guid>(id => id.Value, value => new DecisionId(value));

    private sealed class AllianceIdConverter() : ValueConverter<AllianceId, Guid>(id => id.Value, value => new AllianceId(value));

    private sealed class LocalContractIdConverter() : ValueConverter<LocalContractId, Guid>(id => id.Value, value => new LocalContractId(value));

    private sealed class IndicatorIdConverter() : ValueConverter<IndicatorId, Guid>(id => id.Value, value => new IndicatorId(value));
}
