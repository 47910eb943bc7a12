#include "engine_text.h"
