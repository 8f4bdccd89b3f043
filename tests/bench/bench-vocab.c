/* bench-vocab.c — words for generated benchmark records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Terms hold no comma or semicolon: they become tags, and the CSV
 * export joins tags with ';'.
 */

#include "config.h"

#include "bench-vocab.h"

#define STRV(...) (const char * const []) { __VA_ARGS__, NULL }

const BenchCluster bench_clusters[] = {
  {
    "low-carbon-energy", "the energy sector",
    STRV ("energy efficiency", "heat pumps", "battery storage", "solar photovoltaics", "hydrogen",
          "smart grids", "district heating", "decarbonisation", "EV charging", "net zero",
          "wind turbines", "power electronics", "energy monitoring", "building management",
          "demand response", "retrofit insulation", "fuel cells", "electrolysis", "microgrids",
          "thermal storage", "carbon capture", "anaerobic digestion", "biomass boilers",
          "geothermal wells", "inverters", "heat recovery", "vehicle-to-grid", "grid flexibility",
          "load balancing", "carbon accounting", "emissions reporting", "air source",
          "ground loops", "electrolysers", "flywheel storage", "supercapacitors",
          "hydrogen refuelling", "compressed air storage", "combined heat and power",
          "tidal generation"),
    STRV ("Energy", "Power Systems", "Thermal", "Renewables", "Grid Solutions", "Hydrogen"),
    STRV ("distribution network", "generation site", "heat network", "headquarters campus"),
    "MCS",
  },
  {
    "aerospace", "aerospace",
    STRV ("composites", "additive manufacturing", "avionics", "airframe", "carbon fibre",
          "non-destructive testing", "titanium machining", "landing gear", "certification",
          "predictive maintenance", "digital twin", "fuel systems", "actuation", "drones",
          "flight control", "hydraulics", "wing assembly", "nacelles", "turbine blades",
          "airworthiness", "electric propulsion", "hybrid-electric", "sustainable aviation fuel",
          "ultrasonic inspection", "thermal barrier coatings", "stress analysis",
          "fatigue testing", "wiring harnesses", "cabin interiors", "precision forging",
          "shot peening", "autoclave curing", "resin transfer moulding", "ceramic matrix",
          "eVTOL", "unmanned aircraft", "satellite subsystems", "MRO", "rotor dynamics",
          "icing protection"),
    STRV ("Aero", "Aerostructures", "Avionics", "Flight Systems", "Composites", "Aviation"),
    STRV ("final assembly line", "engine test facility", "MRO hangar", "composites centre"),
    "AS9100",
  },
  {
    "logistics-transport-tech", "logistics and transport",
    STRV ("route optimisation", "fleet telematics", "last mile", "warehouse automation",
          "supply chain visibility", "inventory tracking", "connected vehicles", "cold chain",
          "demand forecasting", "autonomous vehicles", "RFID", "freight consolidation",
          "robotic picking", "conveyor systems", "multimodal", "rail freight", "cross docking",
          "port logistics", "barcode scanning", "pallet handling", "AGVs", "micro-consolidation",
          "cargo bikes", "delivery drones", "mobility as a service", "journey planning",
          "traffic management", "V2X", "parking sensors", "load planning", "reverse logistics",
          "customs clearance", "returns processing", "yard management", "transport modelling",
          "clean air zones", "electric vans", "tachograph analysis", "dock scheduling",
          "platooning"),
    STRV ("Logistics", "Freight", "Mobility", "Fleet Services", "Distribution", "Transport"),
    STRV ("national distribution centre", "regional depot", "freight terminal", "cross-dock hub"),
    "FORS",
  },
  {
    "metals-materials", "metals and materials",
    STRV ("CNC machining", "casting", "forging", "heat treatment", "welding", "sheet metal",
          "laser cutting", "steel", "aluminium alloys", "surface engineering", "powder coating",
          "tooling", "stamping", "coatings", "die casting", "extrusion", "galvanising",
          "corrosion protection", "polymers", "metallurgy", "powder metallurgy", "electroplating",
          "ceramics", "recycled metals", "scrap sorting", "magnesium", "titanium", "press tools",
          "rolling", "wire drawing", "fasteners", "springs", "sand casting", "investment casting",
          "hardness testing", "materials characterisation", "tribology", "rare earths",
          "glass forming", "cold spray"),
    STRV ("Metals", "Engineering", "Castings", "Forgings", "Materials", "Precision"),
    STRV ("foundry", "press shop", "rolling mill", "machining plant"),
    "BS EN 1090",
  },
  {
    "life-sciences-health-tech", "health and life sciences",
    STRV ("medical devices", "diagnostics", "digital health", "remote monitoring", "wearables",
          "telehealth", "clinical trials", "point of care", "assistive technology", "imaging",
          "patient records", "interoperability", "AI triage", "social care", "rehabilitation",
          "falls prevention", "dementia care", "genomics", "biomarkers", "orthopaedic implants",
          "surgical instruments", "sterilisation", "wound care", "ultrasound", "MRI",
          "medicines optimisation", "pharmacy automation", "cleanroom", "biocompatibility",
          "regulatory affairs", "UKCA marking", "health economics", "frailty",
          "diabetes management", "cardiology", "respiratory", "infection control",
          "antimicrobial surfaces", "organ preservation", "sepsis detection"),
    STRV ("Health", "MedTech", "Diagnostics", "Care Technologies", "Biosciences", "Medical"),
    STRV ("acute hospital", "community services", "care homes", "pathology laboratory"),
    "ISO 13485",
  },
  {
    "professional-services", "professional services",
    STRV ("consultancy", "cyber security", "data protection", "business analytics", "software development",
          "cloud migration", "process automation", "machine learning", "project management",
          "accountancy", "legal services", "compliance", "risk management", "procurement",
          "ESG reporting", "payroll", "recruitment", "training", "CRM", "ERP", "fintech",
          "payments", "fraud detection", "open banking", "regtech", "insurtech", "audit",
          "tax advisory", "financial modelling", "contract management", "document automation",
          "e-signatures", "customer service", "data engineering", "change management",
          "insurance", "translation", "GDPR", "penetration testing", "actuarial modelling"),
    STRV ("Consulting", "Partners", "Advisory", "Analytics", "Digital", "Solutions"),
    STRV ("shared service centre", "head office", "contact centre", "regional office"),
    "ISO 27001",
  },
  {
    "rail", "the rail industry",
    STRV ("rolling stock", "signalling", "track maintenance", "condition monitoring", "electrification",
          "passenger information", "station design", "depot", "timetable planning",
          "digital signalling", "overhead line", "braking systems", "bogies", "traction motors",
          "level crossings", "axle counters", "battery trains", "hydrogen trains",
          "vehicle refurbishment", "crowding", "ETCS", "track geometry", "ballast", "sleepers",
          "rail welding", "vegetation management", "drainage", "earthworks", "bridges",
          "tunnels", "possession planning", "rail safety", "trespass", "light rail",
          "very light rail", "tram", "accessibility", "wheel-rail interface", "pantographs",
          "rail grinding"),
    STRV ("Rail", "Railway Systems", "Signalling", "Rolling Stock", "Track", "Traction"),
    STRV ("train depot", "signalling centre", "station portfolio", "maintenance yard"),
    "RISQS",
  },
  {
    "construction", "construction",
    STRV ("modular construction", "BIM", "retrofit", "offsite manufacturing", "insulation",
          "timber frame", "fire safety", "housing", "precast concrete", "low carbon concrete",
          "building services", "HVAC", "surveying", "site safety", "groundworks", "cladding",
          "façades", "roofing", "passivhaus", "cross-laminated timber", "piling", "drone surveys",
          "laser scanning", "scaffolding", "plant hire", "social housing", "highways",
          "embodied carbon", "circular construction", "demolition", "waste recycling",
          "air tightness", "ventilation", "damp", "building regulations", "smart buildings",
          "plumbing", "electrical installation", "structural steel", "geotechnics"),
    STRV ("Build", "Construction", "Homes", "Structures", "Civils", "Building Services"),
    STRV ("housing programme", "major project site", "highways scheme", "estate"),
    "CHAS",
  },
  {
    "creative", "the creative industries",
    STRV ("video production", "animation", "games development", "virtual reality",
          "augmented reality", "immersive experiences", "visual effects", "sound design",
          "branding", "UX design", "web design", "content marketing", "social media",
          "photography", "graphic design", "storytelling", "live events", "music production",
          "broadcasting", "podcasting", "motion capture", "theatre", "festivals", "film",
          "post-production", "3D modelling", "virtual production", "esports", "publishing",
          "illustration", "advertising", "interactive installations", "digital art",
          "projection mapping", "audio description", "subtitling", "archive digitisation",
          "creative coding", "volumetric capture", "spatial audio"),
    STRV ("Studios", "Media", "Creative", "Productions", "Interactive", "Design"),
    STRV ("brand team", "visitor centre", "marketing department", "broadcast centre"),
    "Albert",
  },
  {
    "food-drink", "food and drink",
    STRV ("food processing", "packaging", "food safety", "shelf life", "traceability", "HACCP",
          "cold storage", "bakery", "dairy", "brewing", "confectionery", "plant-based",
          "reformulation", "food waste", "allergens", "meat processing", "distilling",
          "alternative proteins", "salt reduction", "sugar reduction", "upcycling",
          "vertical farming", "hydroponics", "agritech", "precision agriculture",
          "crop monitoring", "ready meals", "fermentation", "flavour", "ingredients",
          "compostable packaging", "labelling", "contract manufacturing", "food robotics",
          "industrial ovens", "catering", "hospitality", "retail", "spray drying",
          "high pressure processing"),
    STRV ("Foods", "Food Company", "Brewery", "Bakery", "Ingredients", "Fresh"),
    STRV ("bakery plant", "bottling line", "chilled foods factory", "distribution hub"),
    "BRCGS",
  },
  {
    "automotive", "the automotive sector",
    STRV ("electric vehicles", "battery packs", "lightweighting", "power electronics", "ADAS",
          "battery management", "charging", "electric motors", "connected car", "interiors",
          "functional safety", "thermal management", "body in white", "e-axles", "cell chemistry",
          "seating", "lighting", "lidar", "radar", "sensor fusion", "autonomous driving",
          "over-the-air updates", "homologation", "crash testing", "NVH", "hydrogen vehicles",
          "tyres", "brakes", "chassis", "suspension", "powertrain", "transmission", "aftermarket",
          "remanufacturing", "end of life", "battery recycling", "motorsport", "gigacasting",
          "solid-state batteries", "wireless charging"),
    STRV ("Automotive", "Motors", "Mobility", "Vehicle Systems", "Powertrain", "EV"),
    STRV ("vehicle assembly plant", "engine plant", "R&D centre", "battery plant"),
    "IATF 16949",
  },
  {
    "tourism", "the visitor economy",
    STRV ("visitor attractions", "heritage", "hotels", "booking systems", "events",
          "destination marketing", "accommodation", "museums", "visitor analytics", "footfall",
          "accessibility", "sustainable tourism", "conferences", "business tourism",
          "hospitality training", "food tourism", "wayfinding", "dynamic pricing",
          "canal boats", "cycling routes", "walking trails", "audio guides", "augmented tours",
          "ticketing", "loyalty schemes", "online reviews", "multilingual content",
          "group travel", "coach tours", "visitor economy", "night-time economy",
          "sports tourism", "stadium experiences", "green spaces", "national parks",
          "cultural venues", "itinerary planning", "travel apps", "gift shops", "glamping"),
    STRV ("Leisure", "Hospitality", "Attractions", "Travel", "Heritage", "Experiences"),
    STRV ("visitor attraction", "hotel estate", "conference venue", "heritage site"),
    "VisitEngland Quality",
  },
  { NULL, NULL, NULL, NULL, NULL, NULL },
};

const char * const bench_reduce_words[] = {
  "cost", "lead times", "waste", "energy use", "downtime", "scrap rates", "emissions",
  "safety incidents", "maintenance costs", "carbon footprint", "turnaround times",
  "stock levels", "rework", "water use", "complaints", "manual handling", NULL
};

const char * const bench_improve_words[] = {
  "productivity", "quality", "throughput", "customer satisfaction", "reliability",
  "traceability", "utilisation", "first-time fix rates", "uptime", "accuracy", NULL
};

const char * const bench_general_tags[] = {
  "automation", "net zero", "ai", "data analytics", "digital twin", "supply chain",
  "robotics", "iot", "skills", "circular economy", NULL
};

const char * const bench_certifications[] = {
  "ISO 9001", "ISO 14001", "ISO 45001", "Cyber Essentials", "Cyber Essentials Plus",
  "ISO 50001", "B Corp", NULL
};

const char * const bench_name_stems[] = {
  "Ard", "Brind", "Cal", "Dun", "Elm", "Fern", "Gran", "Har", "Ivy", "Jess", "Kings",
  "Lyn", "Marl", "Neth", "Oak", "Penn", "Quarr", "Row", "Stour", "Tam", "Ash", "Beck",
  "Cran", "Dray", "Ever", "Fox", "Glen", "Holt", "Kest", "Lark", "Mill", "Nor", "Orch",
  "Pike", "Ryl", "Sel", "Thorn", "Wil", "Yew", "Wren", NULL
};

const char * const bench_name_endings[] = {
  "wood", "ley", "brook", "field", "ford", "mere", "stone", "bury", "ton", "combe",
  "well", "gate", "haven", "moor", "dale", "croft", NULL
};

const char * const bench_first_names[] = {
  "Aisha", "Ben", "Chloe", "Daniel", "Ella", "Farhan", "Grace", "Harpreet", "Isaac",
  "Jasmine", "Kieran", "Leah", "Mohammed", "Nia", "Oliver", "Priya", "Qasim", "Rosie",
  "Sanjay", "Tara", "Usman", "Vicky", "Wei", "Yasmin", "Zoe", "Tomasz", "Amara",
  "Callum", "Deepa", "Elliot", NULL
};

const char * const bench_last_names[] = {
  "Ahmed", "Bailey", "Chen", "Dhillon", "Evans", "Francis", "Gill", "Hughes", "Iqbal",
  "Johal", "Khan", "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Quinn", "Roberts",
  "Sandhu", "Taylor", "Uddin", "Varma", "Walker", "Young", "Zielinski", "Begum",
  "Clarke", "Doyle", "Edwards", "Foster", NULL
};

const BenchCluster *
bench_cluster_lookup (const char *cluster_id)
{
  for (guint i = 0; bench_clusters[i].cluster != NULL; i++)
    if (g_strcmp0 (bench_clusters[i].cluster, cluster_id) == 0)
      return &bench_clusters[i];
  return NULL;
}

guint
bench_strv_length (const char * const *strv)
{
  guint n = 0;

  while (strv != NULL && strv[n] != NULL)
    n++;
  return n;
}
