namespace TwinPlatform.Rendering.Gpu;

/// <summary>GLSL 3.30 core sources of the surface and edge programs.</summary>
internal static class ShaderSources
{
    public const string SurfaceVertex = """
        #version 330 core
        layout(location = 0) in vec3 aPosition;
        layout(location = 1) in vec3 aNormal;
        layout(location = 2) in float aScalar;
        uniform mat4 uView;
        uniform mat4 uProjection;
        uniform vec2 uScalarMap;   // (minimum, 1 / (maximum - minimum))
        out vec3 vNormal;
        out vec3 vPosition;
        out float vT;
        void main()
        {
            vec4 p = uView * vec4(aPosition, 1.0);
            vPosition = p.xyz;
            // The view matrix is a rotation plus translation, so it maps normals as it maps directions.
            vNormal = mat3(uView) * aNormal;
            vT = (aScalar - uScalarMap.x) * uScalarMap.y;
            gl_Position = uProjection * p;
        }
        """;

    public const string SurfaceFragment = """
        #version 330 core
        in vec3 vNormal;
        in vec3 vPosition;
        in float vT;
        uniform sampler2D uColorMap;  // 256 x 1 table of the colour map
        uniform int uHasScalar;
        uniform float uBands;         // 0: continuous
        uniform vec3 uSurfaceColor;
        uniform vec4 uLighting;       // ambient, diffuse, specular, shininess
        uniform int uOrthographic;
        out vec4 fragColor;
        void main()
        {
            vec3 baseColor = uSurfaceColor;
            if (uHasScalar != 0)
            {
                // The scalar, not the colour, is interpolated across the triangle: exact colours inside.
                float t = clamp(vT, 0.0, 1.0);
                if (uBands > 0.0)
                {
                    t = (min(floor(t * uBands), uBands - 1.0) + 0.5) / uBands;
                }

                // Texel centres: entry i of 256 sits at (i + 0.5) / 256.
                baseColor = texture(uColorMap, vec2(t * (255.0 / 256.0) + 0.5 / 256.0, 0.5)).rgb;
            }

            // Headlight Blinn-Phong: the light is at the eye, so L = V and the half vector H = V.
            vec3 n = normalize(vNormal);
            vec3 v = uOrthographic != 0 ? vec3(0.0, 0.0, 1.0) : normalize(-vPosition);
            float nv = abs(dot(n, v));   // both sides lit alike
            float specular = uLighting.z * pow(nv, uLighting.w);
            vec3 color = baseColor * (uLighting.x + uLighting.y * nv) + vec3(specular);
            fragColor = vec4(min(color, vec3(1.0)), 1.0);
        }
        """;

    public const string EdgeVertex = """
        #version 330 core
        layout(location = 0) in vec3 aPosition;
        uniform mat4 uView;
        uniform mat4 uProjection;
        void main()
        {
            gl_Position = uProjection * (uView * vec4(aPosition, 1.0));
        }
        """;

    public const string EdgeFragment = """
        #version 330 core
        uniform vec4 uColor;
        out vec4 fragColor;
        void main()
        {
            fragColor = uColor;
        }
        """;
}
