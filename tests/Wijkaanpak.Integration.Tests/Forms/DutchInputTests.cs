using Wijkaanpak.Web.Shared.Forms;

namespace Wijkaanpak.Integration.Tests.Forms;

/// <summary>What a Dutch user types, and what the app makes of it: exactly the number meant, or a Dutch reason.</summary>
public sealed class DutchInputTests
{
    [Theory]
    [InlineData("42.500", "42500")]
    [InlineData("42500", "42500")]
    [InlineData("€ 42.500,00", "42500")]
    [InlineData("€42.500", "42500")]
    [InlineData("12.345,67", "12345.67")]
    [InlineData("12345,67", "12345.67")]
    [InlineData("1.000,-", "1000")]
    [InlineData("EUR 1.234.567,5", "1234567.5")]
    [InlineData("0,5", "0.5")]
    [InlineData(" 25.000 ", "25000")]
    [InlineData("-1.000", "-1000")]
    [InlineData("€ -250", "-250")]
    [InlineData("1\u00A0000", null)]
    public void ReadMoney_ReadsWhatADutchUserMeans(string typed, string? expected)
    {
        var reading = DutchInput.ReadMoney(typed);

        if (expected is null)
        {
            Assert.NotNull(reading.Error);
            return;
        }

        Assert.Null(reading.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Value);
    }

    [Theory]
    [InlineData("3.5")]
    [InlineData("12.34")]
    [InlineData("0.042")]
    [InlineData("1,234.56")]
    [InlineData("12,345,67")]
    [InlineData("1.2345")]
    [InlineData("42,505")]
    [InlineData("abc")]
    [InlineData("12,")]
    [InlineData("1e5")]
    [InlineData("99999999999999999999999999999999999999999")]
    public void ReadMoney_RefusesWhatCannotBeReadWithoutGuessing(string typed)
    {
        var reading = DutchInput.ReadMoney(typed);

        Assert.Null(reading.Value);
        Assert.False(string.IsNullOrWhiteSpace(reading.Error));
    }

    [Fact]
    public void ReadMoney_AThousandsPointInTheWrongPlace_SaysHowToWriteDecimals()
    {
        Assert.Contains("komma", DutchInput.ReadMoney("3.5").Error, StringComparison.Ordinal);
        Assert.Contains("twee cijfers achter de komma", DutchInput.ReadMoney("42,505").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3,5", 2, "3.5")]
    [InlineData("12,5", 2, "12.5")]
    [InlineData("0,042", 6, "0.042")]
    [InlineData("-0,100", 6, "-0.1")]
    [InlineData("1.500", 2, "1500")]
    [InlineData("1.234,567891", 6, "1234.567891")]
    public void ReadDecimal_ReadsTheDutchDecimalComma(string typed, int decimals, string expected)
    {
        var reading = DutchInput.ReadDecimal(typed, decimals);

        Assert.Null(reading.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Value);
    }

    [Theory]
    [InlineData("3,555", 2)]
    [InlineData("0,1234567", 6)]
    [InlineData("3.5", 2)]
    [InlineData("€ 3", 2)]
    public void ReadDecimal_RefusesMoreDecimalsThanKept_AndPointDecimals(string typed, int decimals) =>
        Assert.NotNull(DutchInput.ReadDecimal(typed, decimals).Error);

    [Theory]
    [InlineData("2026", 2026)]
    [InlineData(" 1999 ", 1999)]
    public void ReadYear_ReadsFourDigits(string typed, int expected) => Assert.Equal(expected, DutchInput.ReadYear(typed).Value);

    [Theory]
    [InlineData("2.026")]
    [InlineData("26")]
    [InlineData("20266")]
    [InlineData("tweeduizend")]
    public void ReadYear_RefusesAnythingElse(string typed) => Assert.NotNull(DutchInput.ReadYear(typed).Error);

    [Theory]
    [InlineData("1.250", 1250)]
    [InlineData("12", 12)]
    [InlineData("12,5", null)]
    public void ReadWholeNumber_AllowsThousandsButNoDecimals(string typed, int? expected)
    {
        var reading = DutchInput.ReadWholeNumber(typed);
        Assert.Equal(expected, reading.Value);
        Assert.Equal(expected is null, reading.Error is not null);
    }

    [Theory]
    [InlineData("1-2-2026")]
    [InlineData("01-02-2026")]
    [InlineData("1/2/2026")]
    [InlineData("1.2.2026")]
    [InlineData("2026-02-01")]
    public void ReadDate_ReadsDayMonthYear(string typed) => Assert.Equal(new DateTime(2026, 2, 1), DutchInput.ReadDate(typed).Value);

    [Theory]
    [InlineData("31-2-2026", "bestaat niet")]
    [InlineData("1-2-26", "jaar voluit")]
    [InlineData("februari", "dag-maand-jaar")]
    [InlineData("2/30/2026", "bestaat niet")]
    public void ReadDate_RefusesInDutch(string typed, string reason) =>
        Assert.Contains(reason, DutchInput.ReadDate(typed).Error, StringComparison.Ordinal);

    [Fact]
    public void EmptyInput_IsNoValue_AndNoError()
    {
        Assert.Equal(InputReading<decimal>.Empty, DutchInput.ReadMoney("  "));
        Assert.Equal(InputReading<DateTime>.Empty, DutchInput.ReadDate(null));
    }

    [Theory]
    [InlineData(42500, "42.500")]
    [InlineData(12345.67, "12.345,67")]
    [InlineData(0.5, "0,50")]
    public void ShowMoney_WritesWhatReadMoneyReadsBack(decimal amount, string shown)
    {
        Assert.Equal(shown, DutchInput.ShowMoney(amount));
        Assert.Equal(amount, DutchInput.ReadMoney(shown).Value);
    }
}
