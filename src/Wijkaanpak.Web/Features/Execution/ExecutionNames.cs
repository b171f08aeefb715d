using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Execution;

/// <summary>
/// The names an intervention refers to by id: the ambitions of the programme's vision (sub-ambitions
/// after their parent), the organisations of the register and the programme's indicators. Read once
/// per request, so that showing many interventions costs no query per row.
/// </summary>
internal sealed class ExecutionNames
{
    private readonly Dictionary<Guid, string> _ambitions;
    private readonly Dictionary<Guid, string> _organisations;
    private readonly Dictionary<Guid, string> _indicators;

    private ExecutionNames(IReadOnlyList<NamedRef> ambitions, IReadOnlyList<NamedRef> organisations, IReadOnlyList<NamedRef> indicators)
    {
        Ambitions = ambitions;
        Organisations = organisations;
        Indicators = indicators;
        _ambitions = ambitions.ToDictionary(item => item.Id, item => item.Name);
        _organisations = organisations.ToDictionary(item => item.Id, item => item.Name);
        _indicators = indicators.ToDictionary(item => item.Id, item => item.Name);
    }

    public IReadOnlyList<NamedRef> Ambitions { get; }

    public IReadOnlyList<NamedRef> Organisations { get; }

    public IReadOnlyList<NamedRef> Indicators { get; }

    public static async Task<ExecutionNames> LoadAsync(WijkaanpakDbContext db, ProgrammeId programmeId, CancellationToken cancellationToken)
    {
        var vision = await db.Visions.AsNoTracking().SingleOrDefaultAsync(vision => vision.ProgrammeId == programmeId, cancellationToken);
        var ambitions = new List<NamedRef>();
        if (vision is not null)
        {
            foreach (var ambition in vision.Ambitions.Where(ambition => ambition.ParentId is null))
            {
                ambitions.Add(new NamedRef(ambition.Id, ambition.Title));
                ambitions.AddRange(vision.SubAmbitionsOf(ambition.Id).Select(sub => new NamedRef(sub.Id, $"{ambition.Title} › {sub.Title}")));
            }
        }

        var organisations = await db.Organisations.AsNoTracking().OrderBy(organisation => organisation.Name)
            .Select(organisation => new NamedRef(organisation.Id.Value, organisation.Name)).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(indicator => indicator.ProgrammeId == programmeId).OrderBy(indicator => indicator.Name)
            .Select(indicator => new NamedRef(indicator.Id.Value, indicator.Name)).ToListAsync(cancellationToken);
        return new ExecutionNames(ambitions, organisations, indicators);
    }

    public NamedRef Ambition(Guid id) => new(id, _ambitions.GetValueOrDefault(id, "Onbekende ambitie"));

    public NamedRef Organisation(Guid id) => new(id, _organisations.GetValueOrDefault(id, "Onbekende organisatie"));

    public NamedRef Indicator(Guid id) => new(id, _indicators.GetValueOrDefault(id, "Onbekende indicator"));
}
