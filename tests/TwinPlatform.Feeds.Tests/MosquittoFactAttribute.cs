using TwinPlatform.Plugins.Mqtt;

namespace TwinPlatform.Feeds.Tests;

/// <summary>A fact that needs a real mosquitto broker; skipped, with the reason, only when mosquitto is not installed.</summary>
public sealed class MosquittoFactAttribute : FactAttribute
{
    public MosquittoFactAttribute()
    {
        if (MosquittoProcess.Executable is null)
        {
            Skip = "mosquitto is not installed (apt-get install mosquitto; ./twin test installs it)";
        }
    }
}
