using System.Globalization;

namespace TwinPlatform.Tools.SensorSim;

/// <summary>Command-line options of the simulator.</summary>
internal sealed record SimOptions(string Scene, int Seed, double ModulusFactor, double DurationS, double RateHz, double MaxPayloadN, double GaugeOffset, double GaugeDriftPerHour)
{
    public static SimOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Error.WriteLine("usage: SensorSim SCENE [--seed N] [--modulus-factor F] [--duration S] [--rate HZ] [--max-payload-kn KN] [--offset-ue UE] [--drift-ue-per-hour UE]");
            Environment.Exit(args.Length == 0 ? 2 : 0);
        }

        var o = new SimOptions(args[0], 20261102, 0.96, 600, 5, 20e3, 3e-6, 6e-6);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"option {args[i]} needs a value");
            }

            var v = args[i + 1];
            double D() => double.Parse(v, CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--seed" => o with { Seed = int.Parse(v, CultureInfo.InvariantCulture) },
                "--modulus-factor" => o with { ModulusFactor = D() },
                "--duration" => o with { DurationS = D() },
                "--rate" => o with { RateHz = D() },
                "--max-payload-kn" => o with { MaxPayloadN = D() * 1e3 },
                "--offset-ue" => o with { GaugeOffset = D() * 1e-6 },
                "--drift-ue-per-hour" => o with { GaugeDriftPerHour = D() * 1e-6 },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o;
    }
}
