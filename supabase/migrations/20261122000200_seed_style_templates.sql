-- The style templates the studio ships with. They are data that production needs, so they
-- live in a migration (applied by `supabase db push` and in embedded mode) and not in
-- supabase/seed.sql, which only the local Supabase CLI runs.
--
-- How a template is used: the prompt sent to the image model is
--   prompt_prefix || ' ' || <the user's prompt, ending in a full stop> || ' ' || prompt_suffix
-- so a prefix ends where the subject begins ("A cinematic film still of") and a suffix is
-- complete sentences about medium, light, lens, palette and composition. Gemini image models
-- follow descriptive sentences far better than lists of keywords; keep new templates that way.
-- Gemini has no negative-prompt parameter: negative_prompt is a short list of things to avoid
-- that the server words into the prompt.
--
-- parameters: aspectRatio (1:1 | 16:9 | 9:16 | 4:3 | 3:4) and quality (standard | high) are
-- the defaults the form takes on when the template is picked; medium, lighting and palette
-- describe the style for the interface (palette also colours the preview image).
--
-- preview_url points at /public/templates/<slug>.webp, drawn by
-- scripts/generate-template-previews.ts from the slugs and palettes below: after adding a
-- template or changing a palette, run `npx tsx scripts/generate-template-previews.ts`.
--
-- Idempotent: a re-run updates the shipped content and touches a row only when something
-- changed. is_active is left alone on conflict, so a template retired by an operator stays
-- retired.

insert into public.style_templates
  (slug, name, category, sort_order, description, prompt_prefix, prompt_suffix, negative_prompt, parameters, preview_url)
values
  -- Photography ------------------------------------------------------------------------------
  (
    'cinematic-photo',
    'Cinematic photo',
    'photography',
    10,
    'Widescreen film stills with moody, motivated lighting and a teal-and-orange grade, as if paused from a movie.',
    'A cinematic film still of',
    'It is composed like a widescreen movie frame and shot on a 35mm anamorphic lens with shallow depth of field and soft oval bokeh. The light is low-key and motivated by practical sources, with deep shadows, a gentle haze in the air and a teal-and-orange colour grade. Subtle film grain and natural skin tones give it the feel of a frame from a feature film.',
    'cartoon, illustration, CGI look, flat lighting, oversaturated colours, subtitles, text, watermark, distorted faces, extra fingers',
    '{"aspectRatio":"16:9","quality":"high","medium":"35mm anamorphic cinema photography","lighting":"low-key practical light with haze","palette":["#0f2a3a","#1f5f6b","#e0893a","#f4c27a","#121417"]}',
    '/templates/cinematic-photo.webp'
  ),
  (
    'studio-portrait',
    'Studio portrait',
    'photography',
    20,
    'Clean, flattering portraits lit like a professional photo studio, on a seamless backdrop.',
    'A professional studio portrait photograph of',
    'The subject is posed against a seamless warm-grey paper backdrop and lit by a large softbox key light at 45 degrees, a subtle fill and a gentle rim light that separates them from the background. It is shot on an 85mm portrait lens at f/2.8, with crisp eyes, a softly falling-off background, natural skin texture, accurate colour and a calm, relaxed expression.',
    'harsh shadows, plastic-looking skin, heavy retouching, distorted features, extra limbs, cluttered background, text, watermark',
    '{"aspectRatio":"3:4","quality":"high","medium":"medium-format studio photography","lighting":"softbox key with soft fill and rim light","palette":["#2b2b2e","#6e6a66","#b9a89a","#e8dccf","#f6f1ea"]}',
    '/templates/studio-portrait.webp'
  ),
  (
    'product-shot',
    'Product shot',
    'photography',
    30,
    'Crisp advertising and shop images that show a product clearly, with clean studio reflections and an uncluttered set.',
    'A high-end commercial product photograph of',
    'The product stands centred on a smooth pastel surface in front of a soft gradient backdrop, photographed with a 100mm macro lens so that every material, edge and label is sharp. Large diffused light sources create clean highlights, a soft contact shadow and a subtle reflection beneath it. The composition is minimal, with generous space around the product, like an advertisement in a design magazine.',
    'clutter, busy background, dust, fingerprints, warped shapes, misspelled labels, harsh glare, low resolution, watermark',
    '{"aspectRatio":"1:1","quality":"high","medium":"studio macro photography","lighting":"large diffused softboxes on a gradient backdrop","palette":["#f3ede6","#e6d3c3","#c9b8e8","#9fc6d9","#2d2a32"]}',
    '/templates/product-shot.webp'
  ),
  (
    'golden-hour-landscape',
    'Golden-hour landscape',
    'photography',
    40,
    'Sweeping outdoor scenes bathed in the warm, low sun of the hour before sunset.',
    'A breathtaking landscape photograph of',
    'It is captured during golden hour, when the low sun rakes across the scene with warm amber light and long soft shadows, under a glowing sky that fades from apricot to pale blue. A wide-angle lens at f/11 keeps everything sharp from a detailed foreground to the distant horizon, which sits on the lower third, and a gentle atmospheric haze adds depth. The colours are rich and natural, as in a fine-art nature print.',
    'overcast sky, flat light, HDR halos, oversaturated colours, lens flare artefacts, power lines, text, watermark',
    '{"aspectRatio":"16:9","quality":"high","medium":"wide-angle landscape photography","lighting":"warm low-angle golden-hour sun","palette":["#2e3a4f","#6b5b73","#e07a4f","#f4a259","#f9d58b"]}',
    '/templates/golden-hour-landscape.webp'
  ),

  -- Illustration -----------------------------------------------------------------------------
  (
    'watercolor',
    'Watercolor',
    'illustration',
    10,
    'Soft, luminous watercolour paintings with blooming washes, visible paper texture and loose edges.',
    'A delicate watercolour painting of',
    'It is painted on textured cold-press paper with transparent, layered washes that bloom and bleed softly into one another, crisp pigment edges where the paint has dried, and patches of untouched white paper that read as light. The palette is fresh and airy, with soft blues, sage greens and warm peach, a faint pencil underdrawing shows in places, and the brushwork is loose and confident.',
    'photorealistic, 3D render, digital airbrush, hard vector outlines, heavy black ink, muddy colours, text, signature, watermark',
    '{"aspectRatio":"4:3","quality":"standard","medium":"transparent watercolour on cold-press paper","lighting":"soft diffuse daylight","palette":["#f7f3ea","#9cc3d5","#a8c5a0","#f2b8a0","#5b7fa6"]}',
    '/templates/watercolor.webp'
  ),
  (
    'anime-cel',
    'Anime cel',
    'illustration',
    20,
    'Vibrant hand-drawn anime frames with clean line art, cel shading and lush painted backgrounds.',
    'A hand-drawn Japanese anime film frame of',
    'Characters are drawn with clean, confident line art and flat cel shading with a single crisp shadow tone, set against a lush, painterly background of towering clouds and detailed scenery. Bright, saturated colours, expressive eyes and a dynamic but readable composition give it the feel of a key frame from a theatrical animated feature.',
    'photorealistic, 3D render, western cartoon style, blurry lines, deformed anatomy, extra fingers, speech bubbles, text, watermark',
    '{"aspectRatio":"16:9","quality":"high","medium":"cel-shaded 2D animation","lighting":"bright afternoon sun with crisp cel shadows","palette":["#8ecae6","#219ebc","#fefae0","#ffb4a2","#2b2d42","#6cbf6a"]}',
    '/templates/anime-cel.webp'
  ),
  (
    'childrens-book',
    'Children''s book',
    'illustration',
    30,
    'Warm, gentle picture-book illustrations with friendly characters and a cosy bedtime-story feel.',
    'A charming children''s picture-book illustration of',
    'It is painted in soft gouache and coloured pencil on textured paper, with rounded, friendly shapes, gentle expressions and a cosy, whimsical mood. The colours are warm and harmonious, with buttery yellows, soft greens and rosy reds, and the composition is simple and easy to read, like a page from a much-loved bedtime story.',
    'scary, violent, horror, photorealistic, harsh shadows, sharp angular shapes, text, letters, watermark',
    '{"aspectRatio":"4:3","quality":"standard","medium":"gouache and coloured pencil","lighting":"warm, soft storybook light","palette":["#f6e7b4","#f2a65a","#e26d5c","#8fb996","#4a6fa5"]}',
    '/templates/childrens-book.webp'
  ),
  (
    'ink-sketch',
    'Ink sketch',
    'illustration',
    40,
    'Expressive pen-and-ink drawings with hatching and loose lines, like a page from an artist''s sketchbook.',
    'An expressive pen-and-ink sketch of',
    'It is drawn with a fine technical pen and a brush pen on cream sketchbook paper, with confident contour lines, cross-hatching for the shadows and loose gestural strokes that fade out at the edges. The ink is black with a single restrained sepia wash, there is plenty of white space, and the drawing keeps a slightly unfinished, observed-from-life quality, like a page from a travel sketchbook.',
    'full colour, photograph, 3D render, smooth digital gradients, airbrush, blurry, text, watermark',
    '{"aspectRatio":"3:4","quality":"standard","medium":"pen, brush pen and sepia ink wash","lighting":"shadows built from hatching","palette":["#f4ecd8","#1b1b1b","#5a4632","#a68a64"]}',
    '/templates/ink-sketch.webp'
  ),

  -- Art --------------------------------------------------------------------------------------
  (
    'oil-painting',
    'Oil painting',
    'art',
    10,
    'Rich, classical oil paintings with visible brushwork, deep colour and dramatic light and shadow.',
    'A classical oil painting on canvas of',
    'It is painted in the tradition of the old masters, with rich, buttery impasto brushstrokes and thin glazes, and dramatic chiaroscuro light that falls from one side and melts into warm, dark shadows. The palette is deep and earthy, with umber, ochre, crimson and muted gold, and the canvas texture and a subtle varnish sheen are visible, like a painting in a museum.',
    'photograph, digital art, flat vector, cartoon, neon colours, smooth plastic surfaces, picture frame, text, signature, watermark',
    '{"aspectRatio":"3:4","quality":"high","medium":"oil on canvas","lighting":"single-source chiaroscuro","palette":["#2a1a12","#6b3e26","#b5852f","#8c1c13","#e9d8a6"]}',
    '/templates/oil-painting.webp'
  ),
  (
    'pixel-art',
    'Pixel art',
    'art',
    20,
    'Crisp retro pixel art with a limited palette, like a screen from a 16-bit video game.',
    'A detailed 16-bit pixel art scene of',
    'Every element is built from crisp, clearly visible square pixels on a low-resolution grid, with a limited palette of about 32 colours, careful hand-placed dithering instead of smooth gradients and clean one-pixel outlines. The composition reads like a screen from a classic side-scrolling console game, with a layered parallax sky and charming, readable sprites.',
    'blurry, smooth anti-aliased edges, photorealistic, 3D render, smooth gradients, noise, HUD, text, watermark',
    '{"aspectRatio":"1:1","quality":"standard","medium":"16-bit pixel art","lighting":"flat game lighting with dithered shading","palette":["#1a1c2c","#5d275d","#b13e53","#ef7d57","#ffcd75","#a7f070","#38b764","#41a6f6"]}',
    '/templates/pixel-art.webp'
  ),
  (
    'neon-cyberpunk',
    'Neon cyberpunk',
    'art',
    30,
    'Rain-soaked city nights full of glowing neon, wet reflections and futuristic atmosphere.',
    'A cinematic cyberpunk scene of',
    'It is set in a dense futuristic city at night, with rain-slick streets that mirror glowing magenta and cyan neon, steam and haze catching the light, and towering buildings fading into the fog. The lighting is high-contrast and colourful, with a strong rim light on the subject and deep blue-black shadows, rendered as a highly detailed, atmospheric digital painting.',
    'daylight, pastel colours, flat lighting, low detail, readable signs, gibberish lettering, logos, text, watermark',
    '{"aspectRatio":"9:16","quality":"high","medium":"detailed digital painting","lighting":"neon signs, wet reflections and rim light","palette":["#0b0c1e","#2a1b5c","#ff2e88","#00e5ff","#f9f871"]}',
    '/templates/neon-cyberpunk.webp'
  ),
  (
    'ukiyo-e',
    'Ukiyo-e woodblock',
    'art',
    40,
    'Japanese woodblock prints with bold outlines, flat colour and stylised waves, clouds and patterns.',
    'A traditional Japanese ukiyo-e woodblock print of',
    'It is carved and printed by hand, with bold, flowing black key-block outlines, flat areas of Prussian blue, indigo, vermilion and soft beige, and a subtle bokashi gradient in the sky. Stylised waves, clouds and patterned textiles, a visible wood grain and slightly aged washi paper give it the look of an Edo-period print.',
    'photorealistic, 3D render, glossy surfaces, modern digital gradients, heavy shading, Latin lettering, text, watermark',
    '{"aspectRatio":"3:4","quality":"standard","medium":"woodblock print on washi paper","lighting":"flat, shadowless print","palette":["#f1e4c3","#1f3b73","#3e6e8e","#c8442f","#2b2b2b"]}',
    '/templates/ukiyo-e.webp'
  ),

  -- Design -----------------------------------------------------------------------------------
  (
    'minimal-poster',
    'Minimal poster',
    'design',
    10,
    'Bold, minimal poster art with one strong shape, lots of empty space and a tight palette.',
    'A minimalist graphic poster of',
    'The subject is reduced to a few bold geometric shapes in flat colour, placed off-centre with generous negative space, in the spirit of Swiss modernist and mid-century travel posters. The palette is restrained to three or four colours, with a fine paper grain, clean edges and a perfectly balanced layout, and the design carries no lettering at all.',
    'clutter, many small details, photorealistic, gradients, 3D effects, typography, letters, text, watermark',
    '{"aspectRatio":"3:4","quality":"high","medium":"flat screen-printed graphic","lighting":"flat, no rendered light","palette":["#f2e8d5","#e4572e","#29335c","#f3a712"]}',
    '/templates/minimal-poster.webp'
  ),
  (
    'logo-mark',
    'Logo mark',
    'design',
    20,
    'Simple, memorable logo symbols that stay clear and recognisable at any size.',
    'A simple, modern logo mark that represents',
    'It is designed as one bold vector symbol built from clean geometric shapes and clever negative space, in one or two flat colours, centred on a plain white background. It stays recognisable when shrunk to a small app icon: no fine detail, gradients, shadows or lettering, with the precision of a professional brand identity.',
    'text, letters, words, slogans, photorealistic, 3D, gradients, drop shadows, mockup, clutter, watermark',
    '{"aspectRatio":"1:1","quality":"high","medium":"flat vector logo","lighting":"none, flat vector","palette":["#ffffff","#111827","#2563eb","#f59e0b"]}',
    '/templates/logo-mark.webp'
  ),
  (
    'sticker',
    'Die-cut sticker',
    'design',
    30,
    'Cute, bold die-cut stickers with a thick white border, ready for laptops and chats.',
    'A die-cut vinyl sticker of',
    'It is drawn in a cute, bold cartoon style with thick clean outlines, bright flat colours and simple cel shading, and surrounded by a thick, even white border that follows its silhouette. The sticker is centred on a plain light-grey background with a soft drop shadow and a subtle glossy highlight, fully visible with nothing cropped.',
    'photorealistic, busy background, several stickers, cropped edges, thin border, text, watermark',
    '{"aspectRatio":"1:1","quality":"standard","medium":"die-cut vinyl sticker","lighting":"soft top light with a glossy highlight","palette":["#ffffff","#ff6b9a","#ffd166","#06d6a0","#3a86ff"]}',
    '/templates/sticker.webp'
  ),
  (
    'seamless-pattern',
    'Seamless pattern',
    'design',
    40,
    'Repeating patterns for wallpaper, fabric and wrapping paper, with motifs that tile without seams.',
    'A seamless repeating surface pattern of',
    'The motifs are arranged in a balanced, evenly spaced half-drop repeat on a solid background and drawn in a flat, hand-drawn vector style with a cohesive palette of four or five colours. The pattern fills the frame edge to edge and tiles without visible seams, seen straight on with no perspective, like a textile or wallpaper print.',
    'perspective, mockup, fabric folds, single isolated object, borders, frames, text, watermark',
    '{"aspectRatio":"1:1","quality":"standard","medium":"flat vector surface pattern","lighting":"flat, no shadows","palette":["#fbf3e4","#264653","#2a9d8f","#e9c46a","#e76f51"]}',
    '/templates/seamless-pattern.webp'
  ),

  -- 3D ---------------------------------------------------------------------------------------
  (
    'isometric-3d',
    'Isometric 3D',
    '3d',
    10,
    'Tiny isometric 3D dioramas: rooms, buildings and little worlds in miniature, seen from a neat 45° angle.',
    'A cute isometric 3D diorama of',
    'It is shown as a small cut-away block floating on a plain, softly coloured background, viewed from a true isometric angle with no perspective distortion. It is rendered with soft global illumination, gentle ambient occlusion and smooth, slightly rounded low-detail models in a cohesive pastel palette, like a polished game asset or a tech illustration.',
    'perspective distortion, fisheye, photorealistic grime, cluttered background, harsh shadows, text, watermark',
    '{"aspectRatio":"1:1","quality":"high","medium":"isometric 3D render","lighting":"soft global illumination with ambient occlusion","palette":["#e8eaf6","#7986cb","#80cbc4","#ffcc80","#f48fb1"]}',
    '/templates/isometric-3d.webp'
  ),
  (
    'clay-render',
    'Clay 3D render',
    '3d',
    20,
    'Playful 3D scenes that look sculpted from soft modelling clay, with rounded forms and fingerprints.',
    'A playful 3D render of',
    'Everything is sculpted from soft, matte modelling clay, with rounded chunky forms, subtle fingerprints and tool marks, and a handmade stop-motion charm. It is lit by a large soft studio light with gentle shadows and a shallow depth of field, on a simple pastel backdrop, in warm, cheerful colours.',
    'photorealistic skin, glossy plastic, sharp hard edges, metal, grime, text, watermark',
    '{"aspectRatio":"1:1","quality":"standard","medium":"modelling clay, stop-motion style","lighting":"large soft studio light, shallow depth of field","palette":["#fde2e4","#ffb5a7","#f9dc5c","#9bd0c9","#6d597a"]}',
    '/templates/clay-render.webp'
  ),
  (
    'low-poly',
    'Low-poly',
    '3d',
    30,
    'Faceted low-poly 3D worlds with flat-shaded triangles and clean, stylised colour.',
    'A stylised low-poly 3D scene of',
    'All forms are built from visible, flat-shaded triangular facets with crisp edges and no textures, like a polished indie game. Soft directional sunlight picks out each facet in a smooth progression of tones, with a clean sky, light atmospheric fog for depth and a harmonious, slightly muted palette.',
    'high-poly detail, smooth subdivision surfaces, photorealistic textures, noise, clutter, text, watermark',
    '{"aspectRatio":"16:9","quality":"standard","medium":"flat-shaded low-poly 3D","lighting":"soft directional sun with light fog","palette":["#1d3557","#457b9d","#a8dadc","#f1faee","#e76f51"]}',
    '/templates/low-poly.webp'
  ),
  (
    'glossy-3d-icon',
    'Glossy 3D icon',
    '3d',
    40,
    'Shiny, soft 3D icons with glassy highlights, made for apps, websites and slides.',
    'A glossy 3D icon of',
    'The object is rendered as one simplified, chunky shape in smooth glossy plastic and frosted glass, with soft studio reflections, subtle iridescent highlights and a gentle inner glow. It floats centred on a clean gradient background with a soft shadow beneath it, in vivid, harmonious colours, like a premium app icon.',
    'text, letters, several objects, cluttered scene, photorealistic environment, dull matte finish, low resolution, watermark',
    '{"aspectRatio":"1:1","quality":"high","medium":"glossy 3D render","lighting":"soft studio reflections with iridescent highlights","palette":["#5b5bd6","#8e7cf0","#4cc9f0","#f72585","#ffffff"]}',
    '/templates/glossy-3d-icon.webp'
  )
on conflict (slug) do update set
  name = excluded.name,
  category = excluded.category,
  sort_order = excluded.sort_order,
  description = excluded.description,
  prompt_prefix = excluded.prompt_prefix,
  prompt_suffix = excluded.prompt_suffix,
  negative_prompt = excluded.negative_prompt,
  parameters = excluded.parameters,
  preview_url = excluded.preview_url
where (
  style_templates.name, style_templates.category, style_templates.sort_order, style_templates.description,
  style_templates.prompt_prefix, style_templates.prompt_suffix, style_templates.negative_prompt,
  style_templates.parameters, style_templates.preview_url
) is distinct from (
  excluded.name, excluded.category, excluded.sort_order, excluded.description,
  excluded.prompt_prefix, excluded.prompt_suffix, excluded.negative_prompt,
  excluded.parameters, excluded.preview_url
);
