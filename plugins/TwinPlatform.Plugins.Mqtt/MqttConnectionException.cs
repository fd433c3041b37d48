namespace TwinPlatform.Plugins.Mqtt;

/// <summary>The broker refused a connection or subscription, or broke the MQTT protocol.</summary>
public sealed class MqttConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttConnectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MqttConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
