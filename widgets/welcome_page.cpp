#include "welcome_page.h"
