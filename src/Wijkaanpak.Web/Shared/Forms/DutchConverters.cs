using MudBlazor;
using MudBlazor.Utilities.Exceptions;

namespace Wijkaanpak.Web.Shared.Forms;

/// <summary>
/// Connects <see cref="DutchInput"/> to MudBlazor's fields: a refused text becomes the field's conversion
/// error, so the field shows the Dutch reason, keeps what was typed, leaves the model unchanged and keeps
/// its form from being valid. The message is passed as MudBlazor's localisation key; our localiser has no
/// entry for it and so shows it as it is.
/// </summary>
public static class DutchConverters
{
    public static readonly IReversibleConverter<decimal?, string?> Money = new Reader<decimal>(DutchInput.ReadMoney, DutchInput.ShowMoney);

    public static readonly IReversibleConverter<int?, string?> WholeNumber = new Reader<int>(DutchInput.ReadWholeNumber, DutchInput.ShowWholeNumber);

    public static readonly IReversibleConverter<int?, string?> Year = new Reader<int>(DutchInput.ReadYear, DutchInput.ShowYear);

    public static readonly IReversibleConverter<DateTime?, string?> Date = new Reader<DateTime>(DutchInput.ReadDate, DutchInput.ShowDate);

    public static IReversibleConverter<decimal?, string?> Decimal(int maxDecimals) =>
        new Reader<decimal>(text => DutchInput.ReadDecimal(text, maxDecimals), DutchInput.ShowDecimal);

    private sealed class Reader<T>(Func<string?, InputReading<T>> read, Func<T?, string> show) : IReversibleConverter<T?, string?>
        where T : struct
    {
        public string? Convert(T? input) => show(input);

        public T? ConvertBack(string? input)
        {
            var reading = read(input);
            return reading.Error is { } error ? throw new ConversionException(error, [], null) : reading.Value;
        }
    }
}
