#include "wheel_guard.h"
