using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;

namespace Wijkaanpak.Data.Seeding;

/// <summary>
/// The chain from issue to result for Westwijk Vooruit: opgaven with figures and stories, the
/// vision with ambitions and goals, the current execution programme with interventions, the
/// money on them, and indicators with ten years of measurements. Development only; runs once
/// (nothing happens when any vision exists). All figures are invented for the demo.
/// </summary>
public static class DemoChain
{
    private static readonly UserRef Seeder = new(Guid.Parse("00000000-0000-0000-0000-0000000000de"), "Voorbeeldgegevens");

    public static async Task<bool> SeedAsync(WijkaanpakDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.Visions.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var westwijk = await db.Programmes.SingleOrDefaultAsync(programme => programme.Name == "Westwijk Vooruit", cancellationToken).ConfigureAwait(false);
        if (westwijk is null)
        {
            return false;
        }

        var organisations = await db.Organisations.ToDictionaryAsync(organisation => organisation.Name, organisation => organisation.Id, cancellationToken).ConfigureAwait(false);
        OrganisationId[] Owners(params string[] names) => names.Where(organisations.ContainsKey).Select(name => organisations[name]).ToArray();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var calendar = ProgrammeCalendar.Of(westwijk, today);
        var wijk = "WK062203";

        var work = Indicator.Define(westwijk.Id, new IndicatorDetails(
            "Netto arbeidsparticipatie", IndicatorKind.Kernindicator, "%", "CBS Kerncijfers wijken en buurten", "Werkzame beroepsbevolking als deel van de bevolking van 15 tot 75 jaar.",
            wijk, ImprovementDirection.HigherIsBetter, new YearValue(2019, 55.8m), new YearValue(2030, 63m)));
        var burglaries = Indicator.Define(westwijk.Id, new IndicatorDetails(
            "Woninginbraken", IndicatorKind.Outcome, "per 1.000 woningen", "Politie, open data", null,
            wijk, ImprovementDirection.LowerIsBetter, new YearValue(2019, 6.4m), new YearValue(2030, 3.5m)));
        var schoolAdvice = Indicator.Define(westwijk.Id, new IndicatorDetails(
            "Leerlingen met havo/vwo-advies", IndicatorKind.Outcome, "%", "Scholengroep Vlaardingen", null,
            wijk, ImprovementDirection.HigherIsBetter, new YearValue(2019, 24m), new YearValue(2030, 35m)));
        var homeworkReach = Indicator.Define(westwijk.Id, new IndicatorDetails(
            "Kinderen in de huiswerkklas", IndicatorKind.Output, "aantal", "Programmabureau", null,
            wijk, ImprovementDirection.HigherIsBetter, new YearValue(2020, 0m), new YearValue(2027, 150m)));
        work.Interpret(2025, "De stijging zet door; vooral vrouwen tussen 25 en 45 vinden vaker werk via de banenmarkt.", Seeder, now);
        burglaries.Interpret(2025, "Na de inzet op verlichting en buurtpreventie is het aantal inbraken gehalveerd ten opzichte van de nulmeting.", Seeder, now);
        Indicator[] indicators = [work, burglaries, schoolAdvice, homeworkReach];
        db.Indicators.AddRange(indicators);

        var series = new Dictionary<Indicator, decimal[]>
        {
            [work] = [55.8m, 55.1m, 56.0m, 57.2m, 58.0m, 58.9m, 59.6m],
            [burglaries] = [6.4m, 6.9m, 5.8m, 4.9m, 4.1m, 3.6m, 3.2m],
            [schoolAdvice] = [24m, 23m, 25m, 26m, 28m, 27m, 30m],
            [homeworkReach] = [0m, 35m, 60m, 85m, 110m, 120m, 135m],
        };
        foreach (var (indicator, values) in series)
        {
            var firstYear = indicator.Baseline!.Year;
            for (var index = 0; index < values.Length && firstYear + index <= 2025; index++)
            {
                db.Measurements.Add(Measurement.Record(indicator.Id, new MeasurementInput(wijk, firstYear + index, values[index], "Voorbeeldgegevens", indicator.Name), now));
            }
        }

        var poverty = Opgave.Name(westwijk.Id, OpgaveDomain.Werk, "Weinig werk, veel schulden", "Minder mensen aan het werk dan in de rest van de stad; veel huishoudens met betalingsachterstanden.", [work.Id]);
        poverty.AddStory(new StoryInput("bewoner, alleenstaande moeder", new DateOnly(2019, 6, 12), StoryMethod.Straatgesprek, "Ik wil wel werken, maar dan moet de opvang geregeld zijn en mag mijn toeslag niet meteen weg.", "Werk loont pas als opvang en toeslagen meebewegen."), today, Seeder, now);
        var safety = Opgave.Name(westwijk.Id, OpgaveDomain.Veiligheid, "Onveilig gevoel en inbraken", null, [burglaries.Id]);
        safety.AddStory(new StoryInput("wijkagent", new DateOnly(2019, 5, 3), StoryMethod.Interview, "Donkere achterpaden en lege bedrijfspanden trekken inbrekers aan.", null), today, Seeder, now);
        var youth = Opgave.Name(westwijk.Id, OpgaveDomain.Onderwijs, "Kinderen blijven achter op school", null, [schoolAdvice.Id]);
        youth.AddStory(new StoryInput("leerkracht groep 8", new DateOnly(2019, 9, 20), StoryMethod.Focusgroep, "Veel kinderen hebben thuis geen rustige plek en niemand die helpt met huiswerk.", null), today, Seeder, now);
        db.Opgaven.AddRange(poverty, safety, youth);

        var vision = VisionStatement.Write(westwijk.Id, "Westwijk is in 2039 een wijk waar kinderen kansrijk opgroeien, volwassenen meedoen en iedereen zich veilig voelt.", now);
        var meedoen = vision.AddAmbition("Iedereen doet mee", "Meer bewoners aan het werk en minder schulden.", null, [poverty.Id], now);
        var veilig = vision.AddAmbition("Veilig en prettig wonen", null, null, [safety.Id], now);
        var kansrijk = vision.AddAmbition("Kansrijk opgroeien", null, null, [youth.Id], now);
        vision.AddAmbition("Een goede start op de basisschool", null, kansrijk.Id, [youth.Id], now);
        vision.AddGoal(meedoen.Id, "De arbeidsparticipatie groeit naar 63% in 2030.", [work.Id], now);
        vision.AddGoal(veilig.Id, "Woninginbraken halveren ten opzichte van 2019.", [burglaries.Id], now);
        vision.AddGoal(kansrijk.Id, "Meer kinderen krijgen een schooladvies dat past bij wat ze kunnen.", [schoolAdvice.Id, homeworkReach.Id], now);
        db.Visions.Add(vision);

        var first = ExecutionPeriod.Plan(westwijk, [], "Uitvoeringsprogramma 2020-2023", new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31));
        var second = ExecutionPeriod.Plan(westwijk, [first], "Uitvoeringsprogramma 2024-2027", new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31));
        db.ExecutionPeriods.AddRange(first, second);

        var jobs = Intervention.Plan(westwijk.Id, second, new InterventionDetails(
            "Banenmarkt in de wijk", "Vier keer per jaar werkgevers en werkzoekenden bij elkaar in het buurthuis.", InterventionKind.Additioneel,
            Owners("Gemeente Vlaardingen"), [meedoen.Id], [work.Id], 90_000m, new DateOnly(2024, 3, 1), new DateOnly(2027, 12, 31)), Seeder, now);
        jobs.ChangeStatus(InterventionStatus.Lopend, "De eerste banenmarkt is gehouden.", new DateOnly(2024, 3, 14), calendar, Seeder, now);
        var homework = Intervention.Plan(westwijk.Id, second, new InterventionDetails(
            "Huiswerkklas in de brede school", null, InterventionKind.Additioneel,
            Owners("Scholengroep Vlaardingen", "Stichting Welzijn Vlaardingen"), [kansrijk.Id], [homeworkReach.Id, schoolAdvice.Id], 150_000m, new DateOnly(2024, 9, 1), null), Seeder, now);
        homework.ChangeStatus(InterventionStatus.Lopend, "Gestart met twee groepen.", new DateOnly(2024, 9, 2), calendar, Seeder, now);
        homework.ChangeStatus(InterventionStatus.Bijgesteld, "Uitgebreid naar vier groepen; ouders doen mee op vrijdag.", new DateOnly(2025, 8, 25), calendar, Seeder, now);
        var lighting = Intervention.Plan(westwijk.Id, second, new InterventionDetails(
            "Verlichting en buurtpreventie achterpaden", null, InterventionKind.QuickWin,
            Owners("Woonstichting De Waterweg", "Politie eenheid Rotterdam"), [veilig.Id], [burglaries.Id], 60_000m, new DateOnly(2024, 1, 15), new DateOnly(2024, 12, 31)), Seeder, now);
        lighting.ChangeStatus(InterventionStatus.Lopend, "Aannemer gestart.", new DateOnly(2024, 2, 1), calendar, Seeder, now);
        lighting.ChangeStatus(InterventionStatus.Afgerond, "Alle achterpaden verlicht; buurtpreventie-app draait.", new DateOnly(2024, 11, 30), calendar, Seeder, now);
        var pilot = Intervention.Plan(westwijk.Id, second, new InterventionDetails(
            "Doorbraakpilot schulden: één plan per gezin", null, InterventionKind.Experiment,
            Owners("Gemeente Vlaardingen", "Woonstichting De Waterweg"), [meedoen.Id, kansrijk.Id], [work.Id], 200_000m, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)), Seeder, now);
        db.Interventions.AddRange(jobs, homework, lighting, pilot);

        BudgetLine Line(FundingSource source, NationalScheme? scheme, string? funder, bool additional, int year, decimal committed, decimal spent, Intervention? intervention, string description) =>
            BudgetLine.Add(westwijk.Id, new BudgetLineDetails(source, scheme, funder is null ? null : organisations.GetValueOrDefault(funder), description, additional, year, committed, spent, intervention?.Id));
        db.BudgetLines.AddRange(
            Line(FundingSource.Rijk, NationalScheme.SpukKansrijkeWijk, null, true, 2024, 45_000m, 45_000m, jobs, "SPUK-bijdrage banenmarkt"),
            Line(FundingSource.Gemeente, null, "Gemeente Vlaardingen", false, 2025, 22_500m, 15_000m, jobs, "Werkgeversservicepunt"),
            Line(FundingSource.Rijk, NationalScheme.SpukKansrijkeWijk, null, true, 2025, 75_000m, 60_000m, homework, "SPUK-bijdrage huiswerkklas"),
            Line(FundingSource.Fonds, null, null, true, 2025, 25_000m, 10_000m, homework, "Fonds voor de wijk"),
            Line(FundingSource.Woningcorporatie, null, "Woonstichting De Waterweg", true, 2024, 60_000m, 58_400m, lighting, "Verlichting achterpaden"),
            Line(FundingSource.Rijk, NationalScheme.Volkshuisvestingsfonds, null, true, 2025, 120_000m, 30_000m, pilot, "Schuldenpilot"),
            Line(FundingSource.Gemeente, null, "Gemeente Vlaardingen", false, 2025, 180_000m, 165_000m, null, "Programmabureau: personeel en huisvesting"));

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
